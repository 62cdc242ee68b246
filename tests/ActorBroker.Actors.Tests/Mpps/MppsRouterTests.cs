using ActorBroker.Actors.Exceptions;
using ActorBroker.Actors.Mpps;
using ActorBroker.Actors.Studies;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Mpps;
using Akka.TestKit;

namespace ActorBroker.Actors.Tests.Mpps;

/// <summary>
/// Which study an MPPS request goes to: an N-CREATE to its first Study Instance UID (or to the study that already
/// holds the instance), an N-SET to the study the node routed its N-CREATE to, else the one the journal names; what
/// no study can take is answered here and kept as an exception.
/// </summary>
public sealed class MppsRouterTests : JournalTestKit
{
    private const string Uid = "1.2.826.0.1.3680043.2.1125.9.5";
    private const string OtherStudy = "1.2.826.0.1.3680043.2.1125.7.9";
    private static readonly DateTimeOffset At = new(2026, 11, 28, 15, 30, 0, TimeSpan.Zero);

    private readonly TestProbe _studies;
    private readonly TestProbe _exceptions;
    private readonly List<string> _lookedUp = [];
    private string? _inJournal;

    public MppsRouterTests()
    {
        _studies = CreateTestProbe("studies");
        _exceptions = CreateTestProbe("exceptions");
    }

    [Fact]
    public async Task An_N_SET_follows_its_N_CREATE_to_the_same_study_without_asking_the_journal_again()
    {
        var router = Router();
        var create = SendAsync(router, MppsOperation.Create, MppsDatasets.NCreate("CT01", "ACC20001"));
        Assert.Equal(MppsDatasets.StudyUid, await ExpectAtStudyAsync(MppsOperation.Create, Accepted("IN PROGRESS")));
        await create;
        Assert.Equal([Uid], _lookedUp); // is it an instance some study holds already? no

        var set = SendAsync(router, MppsOperation.Set, MppsDatasets.NSetCompleted());
        Assert.Equal(MppsDatasets.StudyUid, await ExpectAtStudyAsync(MppsOperation.Set, Accepted("COMPLETED")));
        Assert.IsType<MppsOutcome.Accepted>(await set);
        Assert.Equal([Uid], _lookedUp);

        // Final: forgotten here; a late N-SET finds the study through the journal (which answers 0110).
        _inJournal = MppsDatasets.StudyUid;
        var late = SendAsync(router, MppsOperation.Set, MppsDatasets.NSetCompleted());
        Assert.Equal(MppsDatasets.StudyUid, await ExpectAtStudyAsync(MppsOperation.Set, Accepted("COMPLETED")));
        await late;
        Assert.Equal([Uid, Uid], _lookedUp);
    }

    [Fact]
    public async Task An_N_SET_of_an_instance_no_study_holds_is_refused_0112_here_and_kept()
    {
        var set = MppsDatasets.NSetCompleted();
        var refused = Assert.IsType<MppsOutcome.Refused>(await SendAsync(Router(), MppsOperation.Set, set));
        Assert.Equal(DicomStatus.NoSuchObjectInstance, refused.Status);
        var ex = await _exceptions.ExpectMsgAsync<RecordException>();
        Assert.Equal(("dicom:mpps", "N-SET", Uid, "0112", set), (ex.Source, ex.MessageType, ex.MessageControlId, ex.AckCode, ex.Raw));
        await _studies.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task An_instance_the_journal_knows_goes_to_its_study_even_when_the_N_CREATE_names_another()
    {
        _inJournal = OtherStudy;
        var router = Router();
        var set = SendAsync(router, MppsOperation.Set, MppsDatasets.NSetCompleted());
        Assert.Equal(OtherStudy, await ExpectAtStudyAsync(MppsOperation.Set, Accepted("COMPLETED")));
        await set;

        // A repeated N-CREATE goes to the study that holds the instance, which answers 0111.
        var create = SendAsync(router, MppsOperation.Create, MppsDatasets.NCreate("CT01", "ACC20001"));
        Assert.Equal(OtherStudy, await ExpectAtStudyAsync(MppsOperation.Create, new MppsOutcome.Refused(DicomStatus.DuplicateSOPInstance, "exists", null, [])));
        Assert.Equal(DicomStatus.DuplicateSOPInstance, Assert.IsType<MppsOutcome.Refused>(await create).Status);
    }

    [Fact]
    public async Task A_refused_N_CREATE_is_forgotten_so_a_later_N_SET_asks_the_journal()
    {
        var router = Router();
        var create = SendAsync(router, MppsOperation.Create, MppsDatasets.NCreate("CT01", "ACC20001"));
        await ExpectAtStudyAsync(MppsOperation.Create, new MppsOutcome.Refused(DicomStatus.MissingAttribute, "Type 1 absent", null, []));
        await create;

        Assert.IsType<MppsOutcome.Refused>(await SendAsync(router, MppsOperation.Set, MppsDatasets.NSetCompleted()));
        Assert.Equal([Uid, Uid], _lookedUp);
        await _studies.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task An_N_CREATE_without_a_Study_Instance_UID_is_refused_here_with_the_missing_tag()
    {
        var ds = DicomDatasetReader.Read(MppsDatasets.NCreate("CT01", "ACC20001"), DicomTransferSyntax.ExplicitVRLittleEndian);
        ds.GetSequence(DicomTags.ScheduledStepAttributesSequence)[0].Remove(DicomTags.StudyInstanceUID);
        var raw = DicomDatasetWriter.Write(ds, DicomTransferSyntax.ExplicitVRLittleEndian);

        var refused = Assert.IsType<MppsOutcome.Refused>(await Router().SendAsync(new MppsRequest(Uid, MppsOperation.Create, "CT01", raw, At), ds, CancellationToken.None));
        Assert.Equal(DicomStatus.MissingAttribute, refused.Status);
        Assert.Equal("0120", (await _exceptions.ExpectMsgAsync<RecordException>()).AckCode);
        await _studies.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    private MppsRouter Router() => new(_studies, _exceptions, new MppsStudyIndex((uid, _) =>
    {
        _lookedUp.Add(uid);
        return Task.FromResult(_inJournal);
    }), TimeSpan.FromSeconds(5));

    private static Task<MppsOutcome> SendAsync(MppsRouter router, MppsOperation operation, byte[] raw) =>
        router.SendAsync(new MppsRequest(Uid, operation, "CT01", raw, At), DicomDatasetReader.Read(raw, DicomTransferSyntax.ExplicitVRLittleEndian), CancellationToken.None);

    /// <summary>The study the request reached, after answering it with <paramref name="outcome"/>.</summary>
    private async Task<string> ExpectAtStudyAsync(MppsOperation operation, MppsOutcome outcome)
    {
        var envelope = await _studies.ExpectMsgAsync<StudyEnvelope>();
        Assert.Equal((Uid, operation), (((MppsRequest)envelope.Payload).MppsUid, ((MppsRequest)envelope.Payload).Operation));
        _studies.Reply(new MppsRequestResult(outcome));
        return envelope.StudyInstanceUid;
    }

    private static MppsOutcome.Accepted Accepted(string status)
    {
        var ds = DicomDatasetReader.Read(MppsDatasets.NCreate("CT01", "ACC20001"), DicomTransferSyntax.ExplicitVRLittleEndian);
        var created = Assert.IsType<MppsOutcome.Accepted>(MppsRules.Create(false, Uid, ds));
        return new MppsOutcome.Accepted(created.Attributes with { Status = status });
    }
}
