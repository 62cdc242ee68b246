using System.Data.Common;
using System.Text.RegularExpressions;
using LinqToDB.Interceptors;

namespace ActorBroker.Actors.Persistence;

/// <summary>
/// Repairs two shapes of the SQL linq2db 6.5 generates for Akka.Persistence.Sql's tag table (tag-read-mode =
/// TagTable), which every events-by-tag query (read models, outboxes, their rebuild at start) and every replay runs.
/// Both made the cost of a query grow with the journal instead of with the rows it returns. Only the text is
/// matched; SQL of any other shape is left alone (and is then merely slow, never wrong).
/// <list type="number">
/// <item>The tags of each returned row: the plugin asks for a correlated string aggregate, but linq2db moves the
/// correlation into the aggregate, on SQLite as
/// <c>(SELECT GROUP_CONCAT(CASE WHEN t1.ordering_id = x_1.Ordering THEN t1.tag ELSE NULL END, ';') FROM tags t1)</c>
/// and on PostgreSQL as <c>(SELECT STRING_AGG(t1.tag, ';') FILTER (WHERE t1.ordering_id = x_1."Ordering") FROM tags t1)</c>,
/// which reads the WHOLE tags table for every row returned (measured: 16 ms a poll at 30,000 tags rows, a third of
/// the broker's CPU under MPPS load). Rewritten as
/// <c>(SELECT GROUP_CONCAT(t1.tag, ';') FROM tags t1 WHERE t1.ordering_id = x_1.Ordering)</c>, one seek on the tags
/// primary key (ordering_id, tag). Same result: the aggregate skips NULLs, a row without tags gives NULL both ways,
/// and the order of one event's tags is unspecified in both.</item>
/// <item>The page of events for a tag: <c>journal x INNER JOIN tags lp ON lp.ordering_id = x.ordering WHERE lp.tag =
/// @Tag AND lp.ordering_id &gt; @Offset ... ORDER BY x.ordering LIMIT @take</c>. Ordered by the journal's column,
/// SQLite reads every matching row up to the read journal's horizon (message blobs included) into a temporary
/// B-tree to sort it, then keeps @take: a rebuild reading 100,000 orders in pages of 500 read ~50,000 rows per page
/// (100,000 orders: 109 s). Ordered by lp.ordering_id, equal to x.ordering through the inner join, the rows come in
/// the order of the (tag, ordering_id) index and the query stops after @take.</item>
/// </list>
/// </summary>
internal sealed partial class TagQueryRewriter : CommandInterceptor
{
    private static long _aggregates;
    private static long _pages;

    /// <summary>Tag aggregates repaired so far in this process (tests check the repair is wired and still matches).</summary>
    public static long AggregatesRewritten => Interlocked.Read(ref _aggregates);

    /// <summary>Events-by-tag pages reordered so far in this process.</summary>
    public static long PagesReordered => Interlocked.Read(ref _pages);

    public override DbCommand CommandInitialized(CommandEventData eventData, DbCommand command)
    {
        var sql = command.CommandText;
        var aggregate = RepairAggregate(sql);
        var page = ReorderPage(aggregate);
        if (!ReferenceEquals(aggregate, sql)) Interlocked.Increment(ref _aggregates);
        if (!ReferenceEquals(page, aggregate)) Interlocked.Increment(ref _pages);
        if (!ReferenceEquals(page, sql)) command.CommandText = page;
        return command;
    }

    /// <summary>The SQL with both repairs applied where they match; the same instance when nothing matched.</summary>
    public static string Rewrite(string sql) => ReorderPage(RepairAggregate(sql));

    private static string RepairAggregate(string sql)
    {
        var result = sql;
        if (result.Contains("ELSE NULL", StringComparison.Ordinal))
        {
            result = WholeTableAggregate().Replace(result, Correlated);
        }

        if (result.Contains("FILTER", StringComparison.OrdinalIgnoreCase))
        {
            result = WholeTableFilteredAggregate().Replace(result, Correlated);
        }

        return string.Equals(result, sql, StringComparison.Ordinal) ? sql : result;
    }

    private static string Correlated(Match m) =>
        $"{m.Groups["fn"].Value}({m.Groups["value"].Value}, {m.Groups["sep"].Value}) FROM {m.Groups["table"].Value} {m.Groups["alias"].Value} WHERE {m.Groups["left"].Value} = {m.Groups["right"].Value})";

    private static string ReorderPage(string sql)
    {
        if (!sql.Contains("ordering_id", StringComparison.OrdinalIgnoreCase) || !sql.Contains("ORDER BY", StringComparison.OrdinalIgnoreCase)) return sql;
        var result = OrderByJournalColumn().Replace(sql, m => m.Value[..(m.Groups["orderBy"].Index - m.Index)] + m.Groups["tagOrdering"].Value);
        return string.Equals(result, sql, StringComparison.Ordinal) ? sql : result;
    }

    // AGG(CASE WHEN a = b THEN v ELSE NULL END, 'sep') FROM table alias )   -- the subquery's closing parenthesis right
    // after the alias guarantees it had no WHERE of its own. SQLite: GROUP_CONCAT and [brackets]; PostgreSQL:
    // STRING_AGG and "quotes".
    [GeneratedRegex(
        """(?<fn>GROUP_CONCAT|STRING_AGG)\(\s*CASE\s+WHEN\s+(?<left>[^\s=]+)\s*=\s*(?<right>[^\s=]+)\s+THEN\s+(?<value>[^\s,]+)\s+ELSE\s+NULL\s+END\s*,\s*(?<sep>'[^']*')\s*\)\s+FROM\s+(?<table>[^\s()]+)\s+(?<alias>[^\s()]+)\s*\)""",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WholeTableAggregate();

    // PostgreSQL's spelling of the same: AGG(v, 'sep') FILTER (WHERE a = b) FROM table alias )
    [GeneratedRegex(
        """(?<fn>GROUP_CONCAT|STRING_AGG)\(\s*(?<value>[^\s,()]+)\s*,\s*(?<sep>'[^']*')\s*\)\s+FILTER\s*\(\s*WHERE\s+(?<left>[^\s=()]+)\s*=\s*(?<right>[^\s=()]+)\s*\)\s+FROM\s+(?<table>[^\s()]+)\s+(?<alias>[^\s()]+)\s*\)""",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WholeTableFilteredAggregate();

    // INNER JOIN tags lp ON lp.ordering_id = x.ordering ... ORDER BY x.ordering   (within one SELECT: no parenthesis in
    // between) -> the ORDER BY names lp.ordering_id instead.
    [GeneratedRegex(
        """INNER\s+JOIN\s+[^\s()]+\s+[^\s()]+\s+ON\s+(?<tagOrdering>[^\s=()]+\.[\["]?ordering_id[\]"]?)\s*=\s*(?<journalOrdering>[^\s=()]+)[^()]*?ORDER\s+BY\s+(?<orderBy>\k<journalOrdering>)(?=\s)""",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OrderByJournalColumn();
}
