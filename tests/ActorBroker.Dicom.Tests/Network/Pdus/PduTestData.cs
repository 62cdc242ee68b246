using static ActorBroker.Dicom.Tests.Network.Bytes;

namespace ActorBroker.Dicom.Tests.Network.Pdus;

/// <summary>PDUs written out by hand from the layouts of PS3.8 9.3 (lengths counted by hand, not by code).</summary>
internal static class PduTestData
{
    /// <summary>
    /// A-ASSOCIATE-RQ (Table 9-11): called ACTORBROKER, calling ECHOSCU, the DICOM application context,
    /// context 1 = Verification with Implicit and Explicit VR LE, user information with maximum length 16384,
    /// implementation class UID 1.2.3.4 and version name TESTSCU. Body: 68 + 25 + 73 + 34 = 200 (C8H).
    /// </summary>
    public static byte[] AssociateRQ() => Concat(
        Hex("01 00 00 00 00 C8"),
        Hex("00 01 00 00"),
        Ascii("ACTORBROKER     "),
        Ascii("ECHOSCU         "),
        Zeros(32),
        Hex("10 00 00 15"), Ascii("1.2.840.10008.3.1.1.1"),
        Hex("20 00 00 45 01 00 00 00"),
        Hex("30 00 00 11"), Ascii("1.2.840.10008.1.1"),
        Hex("40 00 00 11"), Ascii("1.2.840.10008.1.2"),
        Hex("40 00 00 13"), Ascii("1.2.840.10008.1.2.1"),
        Hex("50 00 00 1E"),
        Hex("51 00 00 04 00 00 40 00"),
        Hex("52 00 00 07"), Ascii("1.2.3.4"),
        Hex("55 00 00 07"), Ascii("TESTSCU"));

    /// <summary>
    /// A-ASSOCIATE-AC (Table 9-17): context 1 accepted with Explicit VR LE, context 3 refused with result 3
    /// (its transfer syntax sub-item still present), maximum length 65536, class UID 1.2.3.4, async window 1/1,
    /// version name TESTSCP. Body: 68 + 25 + 31 + 29 + 42 = 195 (C3H).
    /// </summary>
    public static byte[] AssociateAC() => Concat(
        Hex("02 00 00 00 00 C3"),
        Hex("00 01 00 00"),
        Ascii("ACTORBROKER     "),
        Ascii("ECHOSCU         "),
        Zeros(32),
        Hex("10 00 00 15"), Ascii("1.2.840.10008.3.1.1.1"),
        Hex("21 00 00 1B 01 00 00 00"),
        Hex("40 00 00 13"), Ascii("1.2.840.10008.1.2.1"),
        Hex("21 00 00 19 03 00 03 00"),
        Hex("40 00 00 11"), Ascii("1.2.840.10008.1.2"),
        Hex("50 00 00 26"),
        Hex("51 00 00 04 00 01 00 00"),
        Hex("52 00 00 07"), Ascii("1.2.3.4"),
        Hex("53 00 00 04 00 01 00 01"),
        Hex("55 00 00 07"), Ascii("TESTSCP"));
}
