using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Sr;
using ActorBroker.Dicom.Tests.Data;

namespace ActorBroker.Dicom.Tests.Sr;

/// <summary>
/// The SR the peer test stores (/work/shared/peers/make-sr.sh, built by dcmtk's dump2dcm) against the
/// copy <see cref="SrTestData.MakeSr"/> builds in code: same document. And dsrdump (dcmtk's SR
/// renderer) accepts what we build. Skipped when dcmtk is not installed; the in-code copy is tested
/// without it in <see cref="StructuredReportReaderTests"/>.
/// </summary>
public sealed class MakeSrInteropTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("absr").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableFact]
    public void The_dump2dcm_file_reads_to_the_same_document_as_the_in_code_copy()
    {
        var dump2dcm = DcmtkTool.Require("dump2dcm");
        var dump = Path.Combine(_dir, "sr.dump");
        var file = Path.Combine(_dir, "sr.dcm");
        File.WriteAllText(dump, SrTestData.MakeSrDump());

        var (exit, output) = DcmtkTool.Run(dump2dcm, "-q", "+te", dump, file);
        Assert.True(exit == 0, output);

        var fromDcmtk = StructuredReportReader.Read(DicomFile.Read(File.ReadAllBytes(file)).Dataset);
        var inCode = StructuredReportReader.Read(SrTestData.MakeSr());
        Assert.Equal(inCode with { Root = fromDcmtk.Root, Lines = fromDcmtk.Lines, ReferencedRequests = fromDcmtk.ReferencedRequests, PredecessorDocuments = fromDcmtk.PredecessorDocuments }, fromDcmtk);
        Assert.Equal(inCode.Lines, fromDcmtk.Lines);
        Assert.Equal(inCode.ReferencedRequests, fromDcmtk.ReferencedRequests);
        Assert.Equal(
            inCode.Root.Children.Select(c => (c.RelationshipType, c.ValueType, c.ConceptName, c.Value)),
            fromDcmtk.Root.Children.Select(c => (c.RelationshipType, c.ValueType, c.ConceptName, c.Value)));
    }

    [SkippableTheory]
    [InlineData("1.2.840.10008.1.2")]
    [InlineData("1.2.840.10008.1.2.1")]
    public void Dsrdump_renders_the_in_code_copy_with_its_text(string syntaxUid)
    {
        var dsrdump = DcmtkTool.Require("dsrdump");
        var file = Path.Combine(_dir, "ours.dcm");
        File.WriteAllBytes(file, DicomFile.Create(SrTestData.MakeSr(), DicomTransferSyntax.Lookup(syntaxUid)!).Write());

        var (exit, output) = DcmtkTool.Run(dsrdump, "+U8", "+Pl", file);

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("E: ", output, StringComparison.Ordinal);
        Assert.Contains("Basic Text SR Document", output, StringComparison.Ordinal);
        Assert.Contains(SrTestData.Finding, output, StringComparison.Ordinal);
        Assert.Contains(SrTestData.Conclusion, output, StringComparison.Ordinal);
    }
}
