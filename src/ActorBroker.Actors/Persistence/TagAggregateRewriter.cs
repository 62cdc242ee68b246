using System.Data.Common;
using System.Text.RegularExpressions;
using LinqToDB.Interceptors;

namespace ActorBroker.Actors.Persistence;

/// <summary>
/// Repairs the SQL linq2db 6.5 generates for Akka.Persistence.Sql's tag lookup (tag-read-mode = TagTable), used by
/// every events-by-tag poll and every replay. The plugin asks for "the tags of this journal row" as a correlated
/// string aggregate, but linq2db moves the correlation into the aggregate:
/// <code>(SELECT GROUP_CONCAT(CASE WHEN t1.ordering_id = x_1.Ordering THEN t1.tag ELSE NULL END, ';') FROM tags t1)</code>
/// which reads the WHOLE tags table for every row returned: a poll of n events over a journal of N tagged events
/// costs n x N row visits (measured: 16 ms a poll with 30,000 tags rows, a third of the broker's CPU under MPPS load,
/// growing with the journal, so a busy site would slow down day by day). This interceptor turns it back into
/// <code>(SELECT GROUP_CONCAT(t1.tag, ';') FROM tags t1 WHERE t1.ordering_id = x_1.Ordering)</code>
/// which the tags primary key (ordering_id, tag) answers with one seek. Same result: the aggregate skips NULLs, an
/// event without tags gives NULL both ways, and the order of tags within one event is unspecified in both.
/// The pattern is matched on the text only; SQL that does not match is left alone (and then is merely slow).
/// </summary>
internal sealed partial class TagAggregateRewriter : CommandInterceptor
{
    private static long _rewritten;

    /// <summary>Commands rewritten so far in this process (tests check the rewrite is wired and still matches).</summary>
    public static long Rewritten => Interlocked.Read(ref _rewritten);

    public override DbCommand CommandInitialized(CommandEventData eventData, DbCommand command)
    {
        var sql = command.CommandText;
        if (sql.Contains("ELSE NULL", StringComparison.Ordinal))
        {
            var fixedSql = Rewrite(sql);
            if (!ReferenceEquals(fixedSql, sql))
            {
                command.CommandText = fixedSql;
                Interlocked.Increment(ref _rewritten);
            }
        }

        return command;
    }

    /// <summary>The SQL with each whole-table tag aggregate made correlated; the same instance when nothing matched.</summary>
    public static string Rewrite(string sql)
    {
        var result = Pattern().Replace(sql, m =>
            $"{m.Groups["fn"].Value}({m.Groups["value"].Value}, {m.Groups["sep"].Value}) FROM {m.Groups["table"].Value} {m.Groups["alias"].Value} WHERE {m.Groups["left"].Value} = {m.Groups["right"].Value})");
        return string.Equals(result, sql, StringComparison.Ordinal) ? sql : result;
    }

    // AGG(CASE WHEN a = b THEN v ELSE NULL END, 'sep') FROM table alias )   -- the subquery's closing parenthesis right
    // after the alias guarantees it had no WHERE of its own. SQLite: GROUP_CONCAT and [brackets]; PostgreSQL:
    // STRING_AGG and "quotes".
    [GeneratedRegex(
        """(?<fn>GROUP_CONCAT|STRING_AGG)\(\s*CASE\s+WHEN\s+(?<left>[^\s=]+)\s*=\s*(?<right>[^\s=]+)\s+THEN\s+(?<value>[^\s,]+)\s+ELSE\s+NULL\s+END\s*,\s*(?<sep>'[^']*')\s*\)\s+FROM\s+(?<table>[^\s()]+)\s+(?<alias>[^\s()]+)\s*\)""",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
