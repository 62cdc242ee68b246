using ActorBroker.Actors.Persistence;

namespace ActorBroker.Actors.Tests.Persistence;

public sealed class TagQueryRewriterTests
{
    // Verbatim what linq2db 6.5.1 generates for Akka.Persistence.Sql 1.5.73's events-by-tag page (the columns shortened).
    internal const string Page = "SELECT\n\t[x_1].[Ordering],\n\t(\n\t\tSELECT\n\t\t\tGROUP_CONCAT(CASE\n\t\t\t\tWHEN [t1].[ordering_id] = [x_1].[Ordering] THEN [t1].[tag]\n\t\t\t\tELSE NULL\n\t\t\tEND, ';')\n\t\tFROM\n\t\t\t[tags] [t1]\n\t)\nFROM\n\t(\n\t\tSELECT\n\t\t\t[x].[ordering] as [Ordering]\n\t\tFROM\n\t\t\t[journal] [x]\n\t\t\t\tINNER JOIN [tags] [lp] ON [lp].[ordering_id] = [x].[ordering]\n\t\tWHERE\n\t\t\t[lp].[ordering_id] > @Offset AND\n\t\t\t[lp].[ordering_id] <= @MaxOffset AND\n\t\t\tNOT [x].[deleted] AND\n\t\t\t[lp].[tag] = @Tag\n\t\tORDER BY\n\t\t\t[x].[ordering]\n\t\tLIMIT @take\n\t) [x_1]\n";

    [Fact]
    public void The_page_is_ordered_by_the_tag_index_and_its_tags_read_by_seek()
    {
        var expected = Page
            .Replace("GROUP_CONCAT(CASE\n\t\t\t\tWHEN [t1].[ordering_id] = [x_1].[Ordering] THEN [t1].[tag]\n\t\t\t\tELSE NULL\n\t\t\tEND, ';')\n\t\tFROM\n\t\t\t[tags] [t1]\n\t)",
                "GROUP_CONCAT([t1].[tag], ';') FROM [tags] [t1] WHERE [t1].[ordering_id] = [x_1].[Ordering])", StringComparison.Ordinal)
            .Replace("ORDER BY\n\t\t\t[x].[ordering]", "ORDER BY\n\t\t\t[lp].[ordering_id]", StringComparison.Ordinal);
        Assert.Equal(expected, TagQueryRewriter.Rewrite(Page));
    }

    [Fact]
    public void The_PostgreSQL_page_is_reordered_too()
    {
        const string pg = "SELECT x.ordering FROM journal x INNER JOIN tags lp ON lp.ordering_id = x.ordering WHERE lp.tag = :Tag ORDER BY x.ordering LIMIT :take";
        Assert.Equal("SELECT x.ordering FROM journal x INNER JOIN tags lp ON lp.ordering_id = x.ordering WHERE lp.tag = :Tag ORDER BY lp.ordering_id LIMIT :take", TagQueryRewriter.Rewrite(pg));
    }

    // Verbatim (whitespace included) what linq2db 6.5.1 generates for Akka.Persistence.Sql 1.5.73's events-by-tag on SQLite.
    private const string Sqlite = "SELECT\n\t[x_1].[Ordering],\n\t[x_1].[Message],\n\t(\n\t\tSELECT\n\t\t\tGROUP_CONCAT(CASE\n\t\t\t\tWHEN [t1].[ordering_id] = [x_1].[Ordering] THEN [t1].[tag]\n\t\t\t\tELSE NULL\n\t\t\tEND, ';')\n\t\tFROM\n\t\t\t[tags] [t1]\n\t)\nFROM\n\t(\n\t\tSELECT\n\t\t\t[x].[ordering] as [Ordering],\n\t\t\t[x].[message] as [Message]\n\t\tFROM\n\t\t\t[journal] [x]\n\t\t\t\tINNER JOIN [tags] [lp] ON [lp].[ordering_id] = [x].[ordering]\n\t\tWHERE\n\t\t\t[lp].[tag] = @Tag\n\t) [x_1]\n";

    [Fact]
    public void The_whole_table_aggregate_becomes_a_correlated_seek()
    {
        var fixedSql = TagQueryRewriter.Rewrite(Sqlite);
        Assert.Contains("GROUP_CONCAT([t1].[tag], ';') FROM [tags] [t1] WHERE [t1].[ordering_id] = [x_1].[Ordering])", fixedSql, StringComparison.Ordinal);
        Assert.DoesNotContain("CASE", fixedSql, StringComparison.Ordinal);
        // Everything around the subquery is untouched.
        Assert.StartsWith("SELECT\n\t[x_1].[Ordering],\n\t[x_1].[Message],\n\t(\n\t\tSELECT\n\t\t\t", fixedSql, StringComparison.Ordinal);
        Assert.EndsWith("[lp].[tag] = @Tag\n\t) [x_1]\n", fixedSql, StringComparison.Ordinal);
    }

    [Fact]
    public void The_PostgreSQL_spelling_is_repaired_too()
    {
        // Verbatim (whitespace included) from PostgreSQL 15's statement log under the same plugin and linq2db versions.
        const string pg = "(\n\t\t\tSELECT\n\t\t\t\tSTRING_AGG(t1.tag, ';') FILTER (WHERE t1.ordering_id = x_1.\"Ordering\")\n\t\t\tFROM\n\t\t\t\ttags t1\n\t\t)";
        Assert.Equal("(\n\t\t\tSELECT\n\t\t\t\tSTRING_AGG(t1.tag, ';') FROM tags t1 WHERE t1.ordering_id = x_1.\"Ordering\")", TagQueryRewriter.Rewrite(pg));
        const string caseForm = "SELECT (SELECT STRING_AGG(CASE WHEN t1.ordering_id = x_1.\"Ordering\" THEN t1.tag ELSE NULL END, ';') FROM tags t1) FROM x";
        Assert.Equal("SELECT (SELECT STRING_AGG(t1.tag, ';') FROM tags t1 WHERE t1.ordering_id = x_1.\"Ordering\") FROM x", TagQueryRewriter.Rewrite(caseForm));
    }

    [Theory]
    [InlineData("SELECT MAX([r].[sequence_number]) FROM [journal] [r] WHERE [r].[persistence_id] = @persistenceId")]
    // A subquery with a WHERE of its own is not the broken shape: left as it is.
    [InlineData("SELECT (SELECT GROUP_CONCAT(CASE WHEN a.x = b.y THEN a.tag ELSE NULL END, ';') FROM tags a WHERE a.z = 1) FROM b")]
    [InlineData("SELECT CASE WHEN a = b THEN c ELSE NULL END FROM t")]
    [InlineData("SELECT (SELECT STRING_AGG(t1.tag, ';') FILTER (WHERE t1.ordering_id = x.o) FROM tags t1 WHERE t1.z = 1) FROM x")]
    // Ordered by something else than the joined column, or the join is not on the tags' ordering_id: left alone.
    [InlineData("SELECT x.ordering FROM journal x INNER JOIN tags lp ON lp.ordering_id = x.ordering ORDER BY x.created LIMIT 5")]
    [InlineData("SELECT x.ordering FROM journal x INNER JOIN other o ON o.id = x.ordering ORDER BY x.ordering LIMIT 5")]
    // An ORDER BY of an enclosing query (a parenthesis in between) is not the join's.
    [InlineData("SELECT * FROM (SELECT x.ordering FROM journal x INNER JOIN tags lp ON lp.ordering_id = x.ordering) q ORDER BY x.ordering")]
    public void Other_sql_is_returned_as_the_same_instance(string sql) => Assert.Same(sql, TagQueryRewriter.Rewrite(sql));
}
