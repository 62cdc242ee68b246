using ActorBroker.Cli.CommandLine;
using ActorBroker.Cli.Output;

namespace ActorBroker.Cli.Commands;

/// <summary><c>abctl study show STUDYUID</c>: GET /api/studies/{uid}, what the broker knows of one study.</summary>
internal static class StudyShowCommand
{
    private const string StudyUid = "STUDYUID";

    public static CommandSpec Spec { get; } = new(
        Name: "study show",
        Summary: "Show one study: its MPPS (performed procedure steps), series and the orders it belongs to",
        Arguments: [new ArgumentSpec(StudyUid, "The Study Instance UID (0020,000D), e.g. 1.2.840.113619.2.55.3")],
        Options: [],
        Handler: RunAsync,
        Details: "MPPS start and end are the modality's DICOM date-times, shown as YYYY-MM-DD HH:MM:SS (no offset unless the modality sent one). "
            + "Exits 1 when the broker knows no study with this UID.");

    private static async Task<int> RunAsync(CommandContext context)
    {
        var uid = context.Argument(StudyUid);
        var study = await context.GetLookupAsync(CommandContext.Path("api/studies/{0}", uid), $"no study {uid}");
        if (context.Json)
        {
            context.WriteJson(study);
            return ExitCodes.Ok;
        }

        new KeyValueWriter()
            .Add("Study UID", study.Text("studyInstanceUid"))
            .Add("Version", study.Text("version"))
            .Write(context.Out);

        var mpps = new TableWriter(
            new Column("UID"), new Column("Status"), new Column("Station"), new Column("Modality"),
            new Column("Start"), new Column("End"), new Column("Orders"));
        foreach (var step in study.Items("mpps"))
        {
            mpps.AddRow(
                step.Text("uid"), step.Text("status"), step.Text("station"), step.Text("modality"),
                Formats.DicomDateTime(step.Text("start")), Formats.DicomDateTime(step.Text("end")),
                string.Join(", ", step.Texts("orders")));
        }

        var series = new TableWriter(new Column("UID"), new Column("Description"), new Column("Images", Align.Right));
        foreach (var s in study.Items("series"))
        {
            series.AddRow(s.Text("uid"), s.Text("description"), s.Text("images"));
        }

        var orders = new TableWriter("Site", "Accession", "State");
        foreach (var o in study.Items("orders"))
        {
            orders.AddRow(o.Text("site"), o.Text("accession"), o.Text("state"));
        }

        mpps.WriteSection(context.Out, "MPPS");
        series.WriteSection(context.Out, "SERIES");
        orders.WriteSection(context.Out, "ORDERS");
        return ExitCodes.Ok;
    }
}
