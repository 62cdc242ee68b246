using System.Text;

namespace ActorBroker.Hl7.Tests.Er7;

/// <summary>
/// The SIMD scan against a plain reference split, on random messages of every length from a few
/// bytes to past several vector widths, so that the 32-byte, 16-byte and scalar paths and their
/// boundaries all meet separators and terminators.
/// </summary>
public sealed class Hl7IndexFuzzTests
{
    [Fact]
    public void Matches_a_reference_split_on_random_messages()
    {
        var random = new Random(20261128);
        using var index = new Hl7Index();
        for (var round = 0; round < 3000; round++)
        {
            var text = RandomMessage(random, random.Next(0, 160));
            var bytes = Encoding.ASCII.GetBytes(text);

            Assert.True(index.TryIndex(bytes), text);
            var expected = ReferenceSplit(text);
            Assert.Equal(expected.Count, index.SegmentCount);
            for (var s = 0; s < expected.Count; s++)
            {
                var fields = expected[s];
                Assert.Equal(fields[0], Encoding.ASCII.GetString(index.SegmentId(bytes, s)));
                var isMsh = fields[0] == "MSH";
                for (var e = 1; e < fields.Length; e++)
                {
                    var field = isMsh ? e + 1 : e;
                    Assert.Equal(fields[e], Encoding.ASCII.GetString(index.Field(bytes, s, field)));
                }

                Assert.Equal(0, index.Field(bytes, s, isMsh ? fields.Length + 1 : fields.Length).Length);
            }
        }
    }

    private static string RandomMessage(Random random, int bodyLength)
    {
        const string alphabet = "ABCXYZ019|||^&~ \r\n";
        var body = new StringBuilder("MSH|^~\\&|");
        for (var i = 0; i < bodyLength; i++)
        {
            body.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return body.ToString();
    }

    // Segments are lines (CR, LF or both) that are not blank; fields split on '|'.
    private static List<string[]> ReferenceSplit(string text) =>
        text.Split('\r', '\n')
            .Where(line => line.Trim(' ', '\t').Length > 0 || line.Contains('|', StringComparison.Ordinal))
            .Select(line => line.Split('|'))
            .ToList();
}
