using ActorBroker.Dicom.Dimse;

namespace ActorBroker.Dicom.Tests.Dimse;

public sealed class DicomStatusTests
{
    [Theory]
    [InlineData(0x0000, DicomStatusType.Success, "Success")]
    [InlineData(0xFF00, DicomStatusType.Pending, "Pending: matches are continuing")]
    [InlineData(0xFF01, DicomStatusType.Pending, "Pending: matches are continuing, one or more optional keys were not supported")]
    [InlineData(0xFE00, DicomStatusType.Cancel, "Cancel: matching/sub-operations terminated due to Cancel request")]
    [InlineData(0x0105, DicomStatusType.Failure, "No such attribute")]
    [InlineData(0x0106, DicomStatusType.Failure, "Invalid attribute value")]
    [InlineData(0x0107, DicomStatusType.Warning, "Attribute list error")]
    [InlineData(0x0110, DicomStatusType.Failure, "Processing failure")]
    [InlineData(0x0111, DicomStatusType.Failure, "Duplicate SOP instance")]
    [InlineData(0x0112, DicomStatusType.Failure, "No such object instance")]
    [InlineData(0x0116, DicomStatusType.Warning, "Attribute value out of range")]
    [InlineData(0x0117, DicomStatusType.Failure, "Invalid object instance")]
    [InlineData(0x0118, DicomStatusType.Failure, "No such SOP class")]
    [InlineData(0x0119, DicomStatusType.Failure, "Class-instance conflict")]
    [InlineData(0x0120, DicomStatusType.Failure, "Missing attribute")]
    [InlineData(0x0121, DicomStatusType.Failure, "Missing attribute value")]
    [InlineData(0x0122, DicomStatusType.Failure, "Refused: SOP class not supported")]
    [InlineData(0x0124, DicomStatusType.Failure, "Refused: not authorized")]
    [InlineData(0x0210, DicomStatusType.Failure, "Duplicate invocation")]
    [InlineData(0x0211, DicomStatusType.Failure, "Unrecognized operation")]
    [InlineData(0x0212, DicomStatusType.Failure, "Mistyped argument")]
    [InlineData(0x0213, DicomStatusType.Failure, "Resource limitation")]
    [InlineData(0xA700, DicomStatusType.Failure, "Refused: out of resources")]
    [InlineData(0xA900, DicomStatusType.Failure, "Identifier does not match SOP class")]
    [InlineData(0xB000, DicomStatusType.Warning, "Coercion of data elements")]
    [InlineData(0xC000, DicomStatusType.Failure, "Unable to process")]
    public void Table_entries_have_type_and_name(int code, DicomStatusType type, string name)
    {
        var status = DicomStatus.FromCode((ushort)code);
        Assert.Equal(type, status.Type);
        Assert.Equal(name, status.Name);
        Assert.Same(status, DicomStatus.FromCode((ushort)code));
    }

    [Theory]
    [InlineData(0xA7FF, DicomStatusType.Failure, "Refused: out of resources")]
    [InlineData(0xA9AB, DicomStatusType.Failure, "Data set does not match SOP class")]
    [InlineData(0xB123, DicomStatusType.Warning, "Warning")]
    [InlineData(0xC0FF, DicomStatusType.Failure, "Unable to process")]
    [InlineData(0x1234, DicomStatusType.Failure, "Unknown status")]
    public void Codes_outside_the_table_fall_into_their_range(int code, DicomStatusType type, string name)
    {
        var status = DicomStatus.FromCode((ushort)code);
        Assert.Equal((ushort)code, status.Code);
        Assert.Equal(type, status.Type);
        Assert.Equal(name, status.Name);
    }

    [Fact]
    public void Equality_is_by_code()
    {
        Assert.Equal(DicomStatus.FromCode(0xC001), DicomStatus.FromCode(0xC001));
        Assert.True(DicomStatus.FromCode(0x0000) == DicomStatus.Success);
        Assert.True(DicomStatus.Pending != DicomStatus.PendingWarning);
        Assert.True(DicomStatus.PendingWarning.IsPending);
        Assert.Equal("FE00 Cancel: Cancel: matching/sub-operations terminated due to Cancel request", DicomStatus.Cancel.ToString());
        Assert.True(DicomStatus.All.Count >= 30);
    }
}
