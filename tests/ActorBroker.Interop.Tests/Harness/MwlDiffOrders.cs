using System.Globalization;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>
/// A reproducible set of orders for the MWL differential test: every modality and station on several days, some
/// patients with two orders, and names chosen so that wlmscpfs (byte-wise, case-sensitive) and the broker (case-
/// and accent-insensitive) agree on some wildcard queries and, deliberately, not on others.
/// </summary>
internal static class MwlDiffOrders
{
    /// <summary>Modality, station AE title and the point of care (PV1-3.1) the station rules map to it.</summary>
    public static readonly (string Modality, string Station, string PointOfCare)[] Stations =
    [
        ("CT", "CT01", "CTA"), ("CT", "CT02", "CTB"), ("MR", "MR01", "MRA"), ("MR", "MR02", "MRB"), ("US", "US01", "USA"), ("CR", "CR01", "CRA"),
    ];

    /// <summary>
    /// ASCII names in one case (JONES, SMITH, BROWN, MULLER upper case), the same family in other cases and with
    /// accents (Muller, Müller, MÜLLER; Núñez, NÚÑEZ), and a name with letters that only fold by table (Øster).
    /// </summary>
    public static readonly string[] Names =
    [
        "JONES^MARY", "SMITH^JOHN", "BROWN^PETER", "MULLER^HANS", "Muller^Anna", "Müller^Jürgen", "MÜLLER^JÖRG", "Núñez^José",
        "NÚÑEZ^MARÍA", "Øster^Åse", "JONES^PETER", "SMITH^ANNA",
    ];

    public static readonly string[] Dates = ["20261126", "20261127", "20261128", "20261129", "20261130"];

    private static readonly (string Code, string Description)[] Procedures =
        [("CTHEAD", "CT HEAD WO CONTRAST"), ("MRBRAIN", "MR BRAIN"), ("USABD", "US ABDOMEN"), ("CRCHEST", "XR CHEST PA AND LAT")];

    /// <summary><paramref name="count"/> orders; <paramref name="run"/> (4 hex digits) keeps one run's accessions and UIDs apart from another's.</summary>
    public static IReadOnlyList<MwlDiffOrder> Generate(int count, string run, int seed = 3)
    {
        var random = new Random(seed);
        var runNumber = int.Parse(run, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var orders = new List<MwlDiffOrder>(count);
        for (var i = 0; i < count; i++)
        {
            var (modality, station, pointOfCare) = Stations[i % Stations.Length];
            var procedure = Procedures[Array.IndexOf(["CT", "MR", "US", "CR"], modality)];
            // Patients 0..count/2-1; every third order is a second order of an earlier patient (same ID and name).
            var patient = i % 3 == 2 ? i / 3 : i;
            var time = new TimeOnly(7 + random.Next(11), random.Next(4) * 15);
            var id = string.Create(CultureInfo.InvariantCulture, $"{run}{i:D3}");
            orders.Add(new MwlDiffOrder(
                Accession: "D" + id,
                PatientId: string.Create(CultureInfo.InvariantCulture, $"P{run}{patient:D3}"),
                PatientName: Names[patient % Names.Length],
                BirthDate: new DateOnly(1940, 1, 1).AddDays(random.Next(25_000)).ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                Sex: "MFO"[random.Next(3)].ToString(),
                Modality: modality,
                StationAe: station,
                PointOfCare: pointOfCare,
                Date: Dates[random.Next(Dates.Length)],
                Time: time.ToString("HHmmss", CultureInfo.InvariantCulture),
                SpsId: "S" + id,
                RequestedProcedureId: "R" + id,
                StudyUid: string.Create(CultureInfo.InvariantCulture, $"1.2.826.0.1.3680043.10.543.{runNumber}.{i + 1}"),
                ProcedureCode: procedure.Code,
                Description: procedure.Description));
        }

        return orders;
    }
}
