using ActorBroker.Cli.CommandLine;
using ActorBroker.Cli.Output;

namespace ActorBroker.Cli.Commands;

/// <summary><c>abctl order show ACCESSION [--site SITE]</c>: GET /api/orders/{accession}?site=.</summary>
internal static class OrderShowCommand
{
    private const string Accession = "ACCESSION";
    private static readonly OptionSpec Site = CommonOptions.Site("The site the order belongs to; needed when the accession exists at several sites");

    public static CommandSpec Spec { get; } = new(
        Name: "order show",
        Summary: "Show one order: state, patient, worklist items and its event history",
        Arguments: [new ArgumentSpec(Accession, "The accession number (e.g. ACC20001)")],
        Options: [Site],
        Handler: RunAsync,
        Details: "Exits 1 when no such order exists; exits 2 when the accession exists at several sites and --site is missing.");

    private static async Task<int> RunAsync(CommandContext context)
    {
        var accession = context.Argument(Accession);
        var site = context.Option(Site);
        var order = await context.GetLookupAsync(
            CommandContext.Query(CommandContext.Path("api/orders/{0}", accession), ("site", site)),
            $"order {accession} not found" + (site is null ? "" : $" at site {site}"));
        if (context.Json)
        {
            context.WriteJson(order);
            return ExitCodes.Ok;
        }

        var patient = order.Object("patient");
        new KeyValueWriter()
            .Add("Site", order.Text("site"))
            .Add("Accession", order.Text("accession"))
            .Add("State", order.Text("state"))
            .Add("Placer order", order.Text("placerOrderNumber"))
            .Add("Filler order", order.Text("fillerOrderNumber"))
            .Add("Patient ID", patient.Text("patientId"))
            .Add("Issuer", patient.Text("issuer"))
            .Add("Patient name", patient.Text("name"))
            .Add("Birth date", patient.Text("birthDate"))
            .Add("Sex", patient.Text("sex"))
            .Write(context.Out);

        var worklist = new TableWriter("SPS ID", "Modality", "Station", "Date", "Time", "TZ", "Status", "Description");
        foreach (var item in order.Items("worklistItems"))
        {
            worklist.AddRow(
                item.Text("spsId"),
                item.Text("modality"),
                item.Text("stationAeTitle"),
                item.Text("startDate"),
                item.Text("startTime"),
                item.Text("timezoneOffset"),
                item.Text("status"),
                item.Text("description"));
        }

        var events = new TableWriter(
            new Column("#", Align.Right), new Column("Timestamp"), new Column("Type"), new Column("Message ID"), new Column("Summary"));
        foreach (var e in order.Items("events"))
        {
            events.AddRow(e.Text("sequenceNr"), Formats.Timestamp(e.Text("timestamp")), e.Text("type"), e.Text("messageControlId"), e.Text("summary"));
        }

        worklist.WriteSection(context.Out, "WORKLIST");

        // MPPS steps and reports (issues 4 and 5): shown when the order has any.
        var steps = new TableWriter("MPPS UID", "Status", "Station", "Modality", "Start", "End", "Series", "Images", "Reason");
        foreach (var p in order.Items("performedSteps"))
        {
            steps.AddRow(p.Text("mppsUid"), p.Text("status"), p.Text("station"), p.Text("modality"), p.Text("start"), p.Text("end"), p.Text("series"), p.Text("images"), p.Text("discontinuationReason"));
        }

        if (steps.RowCount > 0)
        {
            steps.WriteSection(context.Out, "PERFORMED STEPS (MPPS)");
        }

        var reports = new TableWriter(new Column("#", Align.Right), new Column("Status"), new Column("Source"), new Column("Report ID"), new Column("Interpreter"), new Column("Observed"), new Column("First line"));
        var latest = new List<string>();
        var n = 0;
        foreach (var r in order.Items("reports"))
        {
            var lines = r.Items("lines").Select(l => l.GetString() ?? "").ToList();
            reports.AddRow((++n).ToString(System.Globalization.CultureInfo.InvariantCulture), r.Text("status"), r.Text("source"), r.Text("reportId"), r.Text("interpreter"), Formats.Timestamp(r.Text("observedAt")), lines.FirstOrDefault(l => l.Length > 0) ?? "");
            latest = lines;
        }

        if (reports.RowCount > 0)
        {
            reports.WriteSection(context.Out, "REPORTS");
            context.Out.WriteLine();
            context.Out.WriteLine("LATEST REPORT TEXT");
            foreach (var line in latest)
            {
                context.Out.WriteLine("  " + line);
            }
        }

        events.WriteSection(context.Out, "EVENTS");
        return ExitCodes.Ok;
    }
}
