namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>
/// Upper bounds <see cref="PduReader"/> checks a PDU-length against before it reads (or allocates)
/// anything of the variable field.
/// </summary>
/// <param name="MaxPDataTFLength">Largest P-DATA-TF variable field accepted: the maximum length we announced plus a tolerance.</param>
/// <param name="MaxAssociateLength">Largest A-ASSOCIATE-RQ/AC variable field accepted.</param>
internal readonly record struct PduReaderLimits(uint MaxPDataTFLength, uint MaxAssociateLength)
{
    /// <summary>
    /// A-ASSOCIATE PDUs are small (a hundred contexts with a few transfer syntaxes each is ~20 KB);
    /// 256 KiB leaves room for user identity sub-items and still bounds memory.
    /// </summary>
    public const uint DefaultMaxAssociateLength = 256 * 1024;

    /// <summary>
    /// Accepted above the announced maximum: some peers count the PDV item header (or the PDU header)
    /// into the maximum length, which the standard does not do. 1 KiB covers any such off-by-header.
    /// </summary>
    public const uint PDataTFTolerance = 1024;

    /// <summary>The fixed PDU-length of A-ASSOCIATE-RJ, A-RELEASE-RQ/RP and A-ABORT.</summary>
    public const uint FixedPduLength = 4;

    public static PduReaderLimits ForMaximumLength(uint announcedMaximumLength) =>
        new(announcedMaximumLength + PDataTFTolerance, DefaultMaxAssociateLength);
}
