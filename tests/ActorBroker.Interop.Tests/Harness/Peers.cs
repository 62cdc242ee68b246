namespace ActorBroker.Interop.Tests.Harness;

/// <summary>
/// Finds the third-party peers (installed by scripts/install-peers.sh). A missing peer skips the
/// test, visibly; with AB_REQUIRE_PEERS=1 (set by CI) it fails instead, so CI can never pass by skipping.
/// </summary>
internal static class Peers
{
    public static bool Required => Environment.GetEnvironmentVariable("AB_REQUIRE_PEERS") == "1";

    public static string? NodeModules
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("PEERS_NODE_MODULES");
            if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
            {
                return env;
            }

            // Walk up from the test binaries to the repository's .tools/node/node_modules.
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ".tools", "node", "node_modules");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }

    public static string? Which(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':'))
        {
            var p = Path.Combine(dir, tool);
            if (File.Exists(p))
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>Skip (or fail under CI) when a command-line peer is missing.</summary>
    public static string RequireTool(string tool, string package)
    {
        var path = Which(tool);
        Unavailable(path is null, $"{tool} not found (Debian package {package}; scripts/install-peers.sh installs it)");
        return path!;
    }

    /// <summary>Skip (or fail under CI) when a Node package is missing.</summary>
    public static string RequireNodePackage(string package)
    {
        var modules = NodeModules;
        var node = Which("node");
        Unavailable(node is null || modules is null || !Directory.Exists(Path.Combine(modules, package)),
            $"node package {package} not found (scripts/install-peers.sh installs it into .tools/node)");
        return modules!;
    }

    internal static void Unavailable(bool missing, string why)
    {
        if (!missing)
        {
            return;
        }

        if (Required)
        {
            Assert.Fail("peer required (AB_REQUIRE_PEERS=1) but " + why);
        }

        Skip.If(true, why);
    }
}
