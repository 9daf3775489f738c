using Clientele.Infrastructure.Cli;

namespace Clientele;

/// <summary>The entry point; a class (not static) so that tests can name it in WebApplicationFactory&lt;Program&gt;.</summary>
public sealed class Program
{
    private Program() { }

    public static async Task<int> Main(string[] args)
    {
        // A test host (WebApplicationFactory) starts the entry point with host settings only;
        // it gets the web application as "serve" would build it.
        if (HostedByTestFactory(args))
        {
            await Infrastructure.AppHost.Build(args).RunAsync();
            return 0;
        }
        return await CommandLine.Run(args, entryPoint: true);
    }

    private static bool HostedByTestFactory(string[] args) =>
        args.Length > 0 && args.Any(a => a.StartsWith("--applicationName=", StringComparison.Ordinal))
        && args.All(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('='));
}
