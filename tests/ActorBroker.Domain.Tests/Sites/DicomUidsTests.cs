using System.Numerics;
using ActorBroker.Domain.Sites;

namespace ActorBroker.Domain.Tests.Sites;

public sealed class DicomUidsTests
{
    [Theory]
    [InlineData("1.2.840.10008.1.1", true)]
    [InlineData("2.25.0", true)]
    [InlineData("1.2.840.114350.2.277.2.798268.2.20001.1", true)]
    [InlineData("", false)]
    [InlineData("1..2", false)]
    [InlineData(".1.2", false)]
    [InlineData("1.2.", false)]
    [InlineData("1.02.3", false)]
    [InlineData("1.2.a", false)]
    [InlineData("1.2 .3", false)]
    [InlineData(null, false)]
    public void Validates_UID_syntax(string? uid, bool valid)
    {
        Assert.Equal(valid, DicomUids.IsValid(uid));
    }

    [Fact]
    public void A_65_character_UID_is_invalid_and_64_is_valid()
    {
        var sixtyFour = "1." + new string('1', 62);
        Assert.True(DicomUids.IsValid(sixtyFour));
        Assert.False(DicomUids.IsValid(sixtyFour + "1"));
    }

    [Fact]
    public void A_derived_UID_is_the_version_5_UUID_of_site_and_accession_under_2_25()
    {
        // Pinned: the value of uuid5(e65fbbd7-b6ab-4f3e-bb7c-41873beb3e23, "MAINHOSP|ACC20001") as
        // an integer (computed independently with Python's uuid module). If this changes, every
        // derived UID in every deployment changes: do not change it.
        Assert.Equal("2.25.187214645663488393389967259382138074927", DicomUids.DeriveStudyUid("2.25", "MAINHOSP", "ACC20001"));
        Assert.Equal("2.25.190451798530793222963949196664204501121", DicomUids.DeriveStudyUid("2.25", "NORTHCLINIC", "ACC30001"));
    }

    [Fact]
    public void Derived_UIDs_are_deterministic_valid_and_distinct()
    {
        var a = DicomUids.DeriveStudyUid("2.25", "MAINHOSP", "ACC20001");
        Assert.Equal(a, DicomUids.DeriveStudyUid("2.25", "MAINHOSP", "ACC20001"));
        Assert.NotEqual(a, DicomUids.DeriveStudyUid("2.25", "MAINHOSP", "ACC20002"));
        Assert.NotEqual(a, DicomUids.DeriveStudyUid("2.25", "NORTHCLINIC", "ACC20001"));
        Assert.True(DicomUids.IsValid(a));
        Assert.True(a.Length <= 64);

        var value = BigInteger.Parse(a["2.25.".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        Assert.Equal(0x50, bytes[6] & 0xF0); // version 5
        Assert.Equal(0x80, bytes[8] & 0xC0); // RFC 4122 variant
    }

    [Fact]
    public void Many_derived_UIDs_are_all_valid_and_unique()
    {
        var uids = Enumerable.Range(0, 2000).Select(i => DicomUids.DeriveStudyUid("2.25", "S", "A" + i)).ToList();

        Assert.All(uids, u => Assert.True(DicomUids.IsValid(u) && u.Length <= 64, u));
        Assert.Equal(uids.Count, uids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_long_organisation_root_is_cut_to_fit_64_characters()
    {
        const string root = "1.2.840.114350.2.277.2.798268.2.999"; // 35 characters
        var uid = DicomUids.DeriveStudyUid(root, "MAINHOSP", "ACC20001");

        Assert.StartsWith(root + ".", uid, StringComparison.Ordinal);
        Assert.True(uid.Length <= 64);
        Assert.True(DicomUids.IsValid(uid));
        Assert.Equal(uid, DicomUids.DeriveStudyUid(root, "MAINHOSP", "ACC20001"));
    }

    [Fact]
    public void A_UID_from_a_GUID_is_its_128_bit_integer()
    {
        Assert.Equal("2.25.1", DicomUids.FromGuid("2.25", Guid.Parse("00000000-0000-0000-0000-000000000001")));
        Assert.Equal("2.25.340282366920938463463374607431768211455", DicomUids.FromGuid("2.25", Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff")));
        Assert.Equal("2.25.0", DicomUids.FromGuid("2.25", Guid.Empty));
        Assert.Equal(64, DicomUids.FromGuid("2.25.1234567890123456789", Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff")).Length);
    }

    [Fact]
    public void Random_UIDs_are_valid_and_distinct()
    {
        var a = DicomUids.FromGuid("2.25", Guid.NewGuid());
        var b = DicomUids.FromGuid("2.25", Guid.NewGuid());

        Assert.True(DicomUids.IsValid(a));
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData("2.25.")]
    [InlineData("abc")]
    [InlineData("1.02")]
    [InlineData("1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18.19.20.2")] // 44 characters: no room for 20 digits
    public void Bad_roots_are_refused(string root)
    {
        Assert.Throws<ArgumentException>(() => DicomUids.CheckRoot(root));
    }

    [Fact]
    public void A_43_character_root_is_the_longest_accepted()
    {
        var root = "1." + new string('2', 41);
        Assert.Equal(43, root.Length);
        Assert.Equal(root, DicomUids.CheckRoot(root));
        var uid = DicomUids.DeriveStudyUid(root, "S", "A");
        Assert.True(uid.Length <= 64, uid);
        Assert.True(DicomUids.IsValid(uid), uid);
    }
}
