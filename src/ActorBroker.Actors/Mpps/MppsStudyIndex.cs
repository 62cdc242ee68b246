using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ActorBroker.Actors.Persistence;

namespace ActorBroker.Actors.Mpps;

/// <summary>
/// Which study entity holds an MPPS instance. An N-SET names only the instance (PS3.4 F.7.2.2: the Scheduled Step
/// Attributes Sequence, and with it the Study Instance UID, may not be sent again), so the instance's study has to be
/// found from its UID. The node remembers the instances it routed (an N-CREATE's study is known before its entity
/// answers, so an N-SET that overtakes it still follows it into the same entity's mailbox); an instance it does not
/// know (created on another node, or before a restart) is looked up in the journal, where the study journaled its
/// N-CREATE with the tag <see cref="TagFor"/>.
/// </summary>
public sealed class MppsStudyIndex
{
    private const string TagPrefix = "mpps-instance:";

    private readonly ConcurrentDictionary<string, string> _known = new(StringComparer.Ordinal);
    private readonly Func<string, CancellationToken, Task<string?>> _lookup;
    private readonly int _capacity;

    /// <param name="lookup">Finds an instance's study in the journal by its tag (null when it has none).</param>
    /// <param name="capacity">Instances remembered at most; past it, new ones are looked up in the journal. An
    /// instance is forgotten once final, so this bounds the exams in progress a node routes without a query.</param>
    public MppsStudyIndex(Func<string, CancellationToken, Task<string?>> lookup, int capacity = 100_000)
    {
        _lookup = lookup;
        _capacity = capacity;
    }

    /// <summary>Remembers nothing beyond what this node routes (the in-memory journal of the tests).</summary>
    public static MppsStudyIndex InMemory() => new((_, _) => Task.FromResult<string?>(null));

    /// <summary>
    /// The journal tag of an instance's N-CREATE. Hashed because tags are at most 64 characters and a UID is up to 64
    /// on its own; 128 bits of SHA-256 leave a collision out of reach, and the study that answers checks the UID.
    /// </summary>
    public static string TagFor(string mppsUid)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.ASCII.GetBytes(mppsUid), hash);
        return TagPrefix + Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>A journal lookup: the study whose N-CREATE carries the instance's tag.</summary>
    public static Func<string, CancellationToken, Task<string?>> JournalLookup(JournalConnection db) => async (mppsUid, ct) =>
    {
        // Null too on a new database before its first write: no instance has been journaled (the N-CREATE goes ahead).
        return await db.PointScalarAsync("SELECT persistence_id FROM tags WHERE tag = @tag LIMIT 1", [("@tag", TagFor(mppsUid))], ct) is string pid && pid.StartsWith(Studies.StudyEntity.PersistenceIdPrefix, StringComparison.Ordinal)
            ? pid[Studies.StudyEntity.PersistenceIdPrefix.Length..]
            : null;
    };

    public async ValueTask<string?> FindAsync(string mppsUid, CancellationToken ct) =>
        _known.TryGetValue(mppsUid, out var study) ? study : await _lookup(mppsUid, ct);

    public void Remember(string mppsUid, string studyUid)
    {
        if (_known.Count < _capacity)
        {
            _known[mppsUid] = studyUid;
        }
    }

    public void Forget(string mppsUid) => _known.TryRemove(mppsUid, out _);
}
