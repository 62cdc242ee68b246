using System.Diagnostics;
using System.Globalization;
using System.Text;
using ActorBroker.Hl7;
using ActorBroker.Hl7.Mllp;
using ActorBroker.Interop.Tests.Harness;
using Xunit.Abstractions;

namespace ActorBroker.Interop.Tests;

/// <summary>
/// Differential test against dcmtk's wlmscpfs (Debian dcmtk), the reference worklist SCP: the same generated
/// orders go to the broker as HL7 ORM^O01 over MLLP and to wlmscpfs as worklist files (dcmtk dumps turned into
/// .wl files by dump2dcm), then the same findscu -W queries run against both and the key attributes of what
/// comes back must be the same items — and the items the generator says should match.
/// <para>
/// Deliberate differences, asserted rather than hidden: the broker matches Patient's Name ignoring case and
/// accents (PS3.4 C.2.2.2.1 allows it; hocon <c>exact-name-matching = off</c>), wlmscpfs byte by byte. So a
/// wildcard name in one case (e.g. <c>MULLER*</c>) also finds Muller, Müller and MÜLLER at the broker, and a
/// lower-case <c>nunez*</c> finds Núñez there and nothing at wlmscpfs. Every other query must agree exactly.
/// </para>
/// </summary>
public sealed class MwlDifferentialTests : IAsyncLifetime
{
    private const int OrderCount = 30;
    private const string CallingAe = "CT01";

    private readonly TempDirectory _dir = new("mwl-diff");
    private readonly ITestOutputHelper _log;
    private BrokerProcess? _broker;
    private WlmscpfsProcess? _wlmscpfs;

    public MwlDifferentialTests(ITestOutputHelper log) => _log = log;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_wlmscpfs is not null)
        {
            await _wlmscpfs.DisposeAsync();
        }

        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        _dir.Dispose();
    }

    [SkippableFact]
    public async Task The_broker_and_wlmscpfs_return_the_same_items_for_the_same_queries_except_for_name_folding()
    {
        var findscu = Peers.RequireTool("findscu", "dcmtk");
        var wlmscpfs = Peers.RequireTool("wlmscpfs", "dcmtk");
        var dump2dcm = Peers.RequireTool("dump2dcm", "dcmtk");
        var clock = Stopwatch.StartNew();
        var orders = MwlDiffOrders.Generate(OrderCount, OrderMessageFactory.NewRunTag());

        // Both servers get the same orders: the broker over MLLP, wlmscpfs as files. Started side by side.
        var brokerStarted = StartBrokerAsync();
        var root = Path.Combine(_dir.Path, "wlmscpfs");
        await WlmscpfsProcess.WriteWorklistAsync(dump2dcm, root, orders.Select(o => (o.Accession, o.ToDump())));
        _wlmscpfs = await WlmscpfsProcess.StartAsync(wlmscpfs, root);
        _broker = await brokerStarted;
        await SendOrdersAsync(_broker, orders);
        var brokerPort = _broker.Endpoints["dicom"].Port;
        var all = await Eventually.MatchesAsync(
            () => FindscuWorklist.QueryAsync(findscu, brokerPort, CallingAe, "ACTORBROKER", new Dictionary<string, string>(), _dir.Path),
            rows => rows.Count == OrderCount,
            rows => $"the broker lists {rows?.Count} of {OrderCount} orders");
        Assert.Equal(orders.Select(o => o.Expected).ToHashSet(), all.ToHashSet());
        _log.WriteLine($"{OrderCount} orders on both servers after {clock.Elapsed.TotalSeconds:0.0} s");

        // Values picked from the generated set, so that every query has answers.
        var mrDay = orders.Where(o => o.Modality == "MR").GroupBy(o => o.Date).MaxBy(g => g.Count())!.Key;
        var usDay = orders.Where(o => o.StationAe == "US01").Select(o => o.Date).Min()!;
        var twice = orders.GroupBy(o => o.PatientId).First(g => g.Count() > 1).Key;
        var agreeing = new (string Name, Dictionary<string, string> Filters, Func<MwlDiffOrder, bool> Where)[]
        {
            ("universal", [], _ => true),
            ("modality", new() { ["modality"] = "CT" }, o => o.Modality == "CT"),
            ("modality + date", new() { ["modality"] = "MR", ["date"] = mrDay }, o => o.Modality == "MR" && o.Date == mrDay),
            ("date range", new() { ["date"] = "20261127-20261129" }, o => string.CompareOrdinal(o.Date, "20261127") >= 0 && string.CompareOrdinal(o.Date, "20261129") <= 0),
            ("open date range + modality", new() { ["date"] = "20261129-", ["modality"] = "CT" }, o => o.Modality == "CT" && string.CompareOrdinal(o.Date, "20261129") >= 0),
            ("station AE", new() { ["station"] = "CT02" }, o => o.StationAe == "CT02"),
            ("station AE + date", new() { ["station"] = "US01", ["date"] = usDay }, o => o.StationAe == "US01" && o.Date == usDay),
            ("accession", new() { ["accession"] = orders[7].Accession }, o => o.Accession == orders[7].Accession),
            ("patient ID (two orders)", new() { ["patientid"] = twice }, o => o.PatientId == twice),
            ("patient name, exact-case ASCII wildcard", new() { ["patientname"] = "JONES*" }, o => o.PatientName.StartsWith("JONES", StringComparison.Ordinal)),
            ("patient name, exact-case ASCII", new() { ["patientname"] = "SMITH^JOHN" }, o => o.PatientName == "SMITH^JOHN"),
            ("nothing (unknown accession)", new() { ["accession"] = "NOSUCH" }, _ => false),
        };

        foreach (var (name, filters, where) in agreeing)
        {
            var expected = orders.Where(where).Select(o => o.Expected).ToHashSet();
            var (fromBroker, fromWlm) = await BothAsync(findscu, brokerPort, filters);
            AssertSameItems(name + " (wlmscpfs)", expected, fromWlm);
            AssertSameItems(name + " (broker)", expected, fromBroker);
            Assert.True(expected.Count > 0 || name.StartsWith("nothing", StringComparison.Ordinal), $"{name}: the generated set has no match, the query proves nothing");
        }

        // The deliberate difference: wlmscpfs compares names byte by byte, the broker folds case and accents.
        foreach (var pattern in new[] { "MULLER*", "nunez*" })
        {
            var prefix = pattern.TrimEnd('*');
            var byteWise = orders.Where(o => o.PatientName.StartsWith(prefix, StringComparison.Ordinal)).Select(o => o.Expected).ToHashSet();
            var folded = orders.Where(o => Fold(o.PatientName).StartsWith(Fold(prefix), StringComparison.Ordinal)).Select(o => o.Expected).ToHashSet();
            var (fromBroker, fromWlm) = await BothAsync(findscu, brokerPort, new() { ["patientname"] = pattern });
            AssertSameItems($"{pattern} (wlmscpfs: byte-wise)", byteWise, fromWlm);
            AssertSameItems($"{pattern} (broker: case and accents folded)", folded, fromBroker);
            var onlyBroker = folded.Except(byteWise).ToList();
            Assert.NotEmpty(onlyBroker);
            Assert.All(onlyBroker, r => Assert.False(r.PatientName.StartsWith(prefix, StringComparison.Ordinal), $"{r.PatientName} is not a case or accent variant of {prefix}"));
            _log.WriteLine($"{pattern}: wlmscpfs {fromWlm.Count}, broker {fromBroker.Count}; only the broker: {string.Join(", ", onlyBroker.Select(r => r.PatientName).Distinct())}");
        }

        _log.WriteLine($"done in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private async Task<(IReadOnlyList<MwlKeyRow> Broker, IReadOnlyList<MwlKeyRow> Wlm)> BothAsync(string findscu, int brokerPort, Dictionary<string, string> filters)
    {
        var broker = FindscuWorklist.QueryAsync(findscu, brokerPort, CallingAe, "ACTORBROKER", filters, _dir.Path);
        var wlm = FindscuWorklist.QueryAsync(findscu, _wlmscpfs!.Port, CallingAe, WlmscpfsProcess.CalledAe, filters, _dir.Path);
        return (await broker, await wlm);
    }

    private static void AssertSameItems(string what, IReadOnlySet<MwlKeyRow> expected, IReadOnlyList<MwlKeyRow> actual)
    {
        var got = actual.ToHashSet();
        Assert.True(actual.Count == got.Count, $"{what}: an item came back twice");
        Assert.True(expected.SetEquals(got),
            $"{what}: missing [{string.Join("; ", expected.Except(got))}], unexpected [{string.Join("; ", got.Except(expected))}]");
    }

    // Case and accents off, as the broker's default name matching (letters that do not decompose are not in this set).
    private static string Fold(string s) =>
        new string(s.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray())
            .ToUpperInvariant();

    private async Task<BrokerProcess> StartBrokerAsync()
    {
        var settings = new List<string>
        {
            // The stations of the generated orders (CT01 and MR01 are in the defaults), and which point of care
            // (PV1-3.1) goes to which of them.
            "actor-broker.sites.MAINHOSP.modalities.CT02.modality = CT",
            "actor-broker.sites.MAINHOSP.modalities.MR02.modality = MR",
            "actor-broker.sites.MAINHOSP.modalities.US01.modality = US",
            "actor-broker.sites.MAINHOSP.modalities.CR01.modality = CR",
            "actor-broker.sites.MAINHOSP.station-rules = [" + string.Join(", ", MwlDiffOrders.Stations.Select(s => $"{{ modality = {s.Modality}, location = {s.PointOfCare}, ae-title = {s.Station} }}")) + "]",
        };
        return await BrokerProcess.StartAsync(Path.Combine(_dir.Path, "broker"), [.. settings]);
    }

    private static async Task SendOrdersAsync(BrokerProcess broker, IReadOnlyList<MwlDiffOrder> orders)
    {
        await using var client = await MllpClient.ConnectAsync("127.0.0.1", broker.Hl7Orders.Port);
        foreach (var order in orders)
        {
            var reply = await client.SendAsync(order.ToOrm("M" + order.Accession)).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(Hl7Ack.TryParse(Hl7Message.Parse(reply), out var ack) && ack.AckCode == AckCode.AA, $"{order}: {ack?.AckCode} {ack?.Text}");
        }
    }
}
