using System.Runtime.InteropServices;

namespace ActorBroker.LoadGen;

/// <summary>
/// End-to-end HL7 load: sends ORM^O01 new orders over MLLP and measures ACK latency, or runs an
/// ACK-only echo server (the ceiling of the socket path), or (mpps) runs MPPS N-CREATE + N-SET pairs
/// and measures until the EHR has the status messages. See LoadGenOptions.Usage and MppsOptions.Usage.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] is "mpps" or "mpps-echo")
        {
            using var mppsCts = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                mppsCts.Cancel();
            };
            using var mppsSigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                mppsCts.Cancel();
            });
            return args[0] == "mpps"
                ? await MppsCommand.RunAsync(args[1..], mppsCts.Token)
                : await MppsEchoServer.RunAsync(args[1..], mppsCts.Token);
        }

        LoadGenOptions options;
        try
        {
            options = LoadGenOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await Console.Error.WriteLineAsync(LoadGenOptions.Usage);
            return 2;
        }

        if (options.Mode == "help")
        {
            Console.WriteLine(LoadGenOptions.Usage);
            return 0;
        }

        if (options.DryRun > 0)
        {
            var template = MessageTemplate.Load(options);
            var buffer = new byte[template.MaxLength];
            for (var i = 0; i < options.DryRun; i++)
            {
                var length = template.Write(buffer, 0x1234, i % options.Connections, i / options.Connections);
                Console.WriteLine(System.Text.Encoding.UTF8.GetString(buffer, 0, length).Replace('\r', '\n'));
            }

            return 0;
        }

        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        // SIGTERM (kill, docker stop) stops as gracefully as Ctrl+C does.
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cts.Cancel();
        });

        if (options.Mode == "echo")
        {
            await EchoServer.RunAsync(options, cts.Token);
            return 0;
        }

        try
        {
            var report = await LoadRunner.RunAsync(options, cts.Token);
            Console.WriteLine(options.Json ? report.ToJson() : report.ToText());
            return report.Timeouts == 0 && report.Ae == 0 && report.Ar == 0 && report.Other == 0 ? 0 : 1;
        }
        catch (System.Net.Sockets.SocketException e)
        {
            await Console.Error.WriteLineAsync($"cannot reach {options.Host}:{options.Port}: {e.Message}");
            return 3;
        }
    }
}
