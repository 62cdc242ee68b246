using System.Text;

namespace ActorBroker.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args)
    {
        // Patient names carry accents (NÚÑEZ) and sometimes CJK: never let the console code page mangle them.
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        return CliApp.RunAsync(args, Console.Out, Console.Error);
    }
}
