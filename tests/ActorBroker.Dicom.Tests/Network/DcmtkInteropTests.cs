using System.Text.RegularExpressions;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Network.Negotiation;
using ActorBroker.Dicom.Tests.Dimse;

namespace ActorBroker.Dicom.Tests.Network;

/// <summary>Our listener and client against dcmtk (echoscu, findscu, storescp).</summary>
public sealed partial class DcmtkInteropTests
{
    [SkippableFact]
    public async Task Echoscu_against_our_listener_succeeds()
    {
        var echoscu = PeerTool.Require("echoscu");
        var observer = new TestObserver();
        await using var listener = ListenerHarness.Start(observer: observer);

        var (exitCode, output) = await PeerTool.RunAsync(echoscu, "-v", "-aet", "ECHOSCU", "-aec", "ACTORBROKER", "127.0.0.1", listener.LocalEndPoint.Port.ToString());

        Assert.True(exitCode == 0, output);
        Assert.Contains("Received Echo Response (Success)", output, StringComparison.Ordinal);
        Assert.Equal("ECHOSCU", (await observer.Opened).CallingAETitle);
        Assert.Equal(DicomAssociationCloseReason.Released, (await observer.Closed).Reason);
    }

    [SkippableFact]
    public async Task Echoscu_with_a_wrong_called_ae_is_rejected()
    {
        var echoscu = PeerTool.Require("echoscu");
        var observer = new TestObserver();
        await using var listener = ListenerHarness.Start(observer: observer);

        var (exitCode, output) = await PeerTool.RunAsync(echoscu, "-aet", "ECHOSCU", "-aec", "WRONG_AE", "127.0.0.1", listener.LocalEndPoint.Port.ToString());

        Assert.True(exitCode != 0, output);
        Assert.Contains("Association Rejected", output, StringComparison.Ordinal);
        Assert.Contains("Called AE Title Not Recognized", output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(7, (await observer.Rejected).Rejection.Reason);
    }

    [SkippableFact]
    public async Task Findscu_worklist_query_gets_two_pending_responses()
    {
        var findscu = PeerTool.Require("findscu");
        var provider = new FixedFindProvider([Worklist.Item("ACC1001", "Núñez^José"), Worklist.Item("ACC1002", "Doe^Jane")]);
        await using var listener = ListenerHarness.Start(new DicomServiceProviders { Find = provider });

        var (exitCode, output) = await PeerTool.RunAsync(
            findscu, "-v", "-W", "-aet", "FINDSCU", "-aec", "ACTORBROKER",
            "-k", "SpecificCharacterSet=ISO_IR 192", "-k", "AccessionNumber=", "-k", "PatientName=", "-k", "PatientID=",
            "127.0.0.1", listener.LocalEndPoint.Port.ToString());

        Assert.True(exitCode == 0, output);
        Assert.Equal(2, PendingResponse().Count(output));
        Assert.Contains("Received Final Find Response (Success)", output, StringComparison.Ordinal);
        Assert.Contains("ACC1001", output, StringComparison.Ordinal);
        Assert.Contains("ACC1002", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, provider.LastRequest!.Dataset!.GetString(DicomTags.AccessionNumber));
    }

    [SkippableFact]
    public async Task Our_client_echoes_and_stores_to_dcmtk_storescp()
    {
        var storescp = PeerTool.Require("storescp");
        var port = PeerTool.FreePort();
        var directory = Directory.CreateTempSubdirectory("ab-storescp-");
        try
        {
            await using var scp = PeerTool.Start(storescp, "-aet", "STORESCP", "-od", directory.FullName, port.ToString());
            await scp.WaitForPortAsync(port);

            var options = new DicomClientOptions
            {
                Host = "127.0.0.1",
                Port = port,
                CallingAETitle = "ACTORBROKER",
                CalledAETitle = "STORESCP",
                PresentationContexts =
                [
                    new SupportedAbstractSyntax(WellKnownUids.Verification),
                    new SupportedAbstractSyntax(WellKnownUids.BasicTextSRStorage),
                ],
            };
            await using var client = await DicomClient.ConnectAsync(options).WaitAsync(TestTimeouts.Default);
            Assert.StartsWith("OFFIS_DCMTK", client.PeerImplementationVersionName, StringComparison.Ordinal);

            var echo = await client.CEchoAsync().WaitAsync(TestTimeouts.Default);
            Assert.Equal(DicomStatus.Success, echo.Status);

            var instanceUid = DicomUid.Generate();
            var report = new DicomDataset()
                .Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192")
                .Set(DicomTags.SOPClassUID, DicomVR.UI, WellKnownUids.BasicTextSRStorage)
                .Set(DicomTags.SOPInstanceUID, DicomVR.UI, instanceUid)
                .Set(DicomTags.PatientName, DicomVR.PN, "Núñez^José")
                .Set(DicomTags.PatientID, DicomVR.LO, "PID1")
                .Set(DicomTags.AccessionNumber, DicomVR.SH, "ACC1001");
            var stored = await client.CStoreAsync(new CStoreRequest
            {
                AffectedSOPClassUID = WellKnownUids.BasicTextSRStorage,
                AffectedSOPInstanceUID = instanceUid,
                Dataset = report,
            }).WaitAsync(TestTimeouts.Default);
            Assert.True(stored.Status.Type is DicomStatusType.Success or DicomStatusType.Warning, stored.Status.ToString());

            await client.ReleaseAsync().WaitAsync(TestTimeouts.Default);
            var file = Assert.Single(directory.GetFiles());
            var written = DicomFile.Read(File.ReadAllBytes(file.FullName));
            Assert.Equal(instanceUid, written.Dataset.GetString(DicomTags.SOPInstanceUID));
            Assert.Equal("Núñez^José", written.Dataset.GetString(DicomTags.PatientName));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"Find Response: \d+ \(Pending\)")]
    private static partial Regex PendingResponse();
}
