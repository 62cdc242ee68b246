using System.Net.Sockets;

namespace ActorBroker.LoadGen;

/// <summary>The <c>mpps</c> verb: options, dry run or the measured run, exit codes like the order load's.</summary>
internal static class MppsCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        MppsOptions options;
        try
        {
            options = MppsOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await Console.Error.WriteLineAsync(MppsOptions.Usage);
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(MppsOptions.Usage);
            return 0;
        }

        if (options.DryRun)
        {
            return MppsDryRun.Run(options);
        }

        try
        {
            var report = await MppsRunner.RunAsync(options, ct);
            Console.WriteLine(options.Json ? report.ToJson() : report.ToText());
            return report.Success ? 0 : 1;
        }
        catch (SocketException e)
        {
            await Console.Error.WriteLineAsync($"cannot reach {options.Host} (DICOM {options.DicomPort}, HL7 {options.Hl7Port}, reports {options.ReportsPort}) or bind the EHR port {options.EhrPort}: {e.Message}");
            return 3;
        }
    }
}
