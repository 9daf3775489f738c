using System.CommandLine;
using Clientele.Infrastructure.Cli;

namespace Clientele.Infrastructure.Jobs;

/// <summary><c>clientele jobs run NAME</c> and <c>clientele jobs list</c>: a job run by hand (cron, a node with the schedule off), kept in the same runs table.</summary>
public static class JobsCommand
{
    /// <param name="addJobs">Registers the jobs and the services they need, as the web host does.</param>
    public static Command Create(Action<IServiceCollection> addJobs)
    {
        var name = new Argument<string>("name") { Description = "The job's name, e.g. lifetime-refresh (see 'clientele jobs list')." };
        var run = new Command("run", "Run a background job now and wait for it; exit code 1 when the run fails.") { name };
        run.SetAction(async (result, ct) =>
        {
            await using var services = Open(result, addJobs);
            var runner = services.GetRequiredService<JobRunner>();
            var job = result.GetValue(name)!;
            if (runner.Find(job) is null)
                throw new CliException($"there is no job '{job}'; known jobs: {string.Join(", ", runner.Names.Order(StringComparer.Ordinal))}.");
            var done = await runner.RunAsync(job, JobTrigger.OnDemand, null, ct) ?? throw new CliException($"job '{job}' is running already.");
            Console.WriteLine($"{done.Name}: {done.Status.ToString().ToLowerInvariant()} in {(done.FinishedAt - done.StartedAt)?.TotalSeconds:0.0} s");
            if (done.Status == JobStatus.Succeeded) return 0;
            await Console.Error.WriteLineAsync("error: " + done.Error);
            return 1;
        });

        var list = new Command("list", "The jobs and their last runs.");
        list.SetAction(async (result, ct) =>
        {
            await using var services = Open(result, addJobs);
            var runner = services.GetRequiredService<JobRunner>();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
            foreach (var job in runner.Names.Order(StringComparer.Ordinal))
            {
                var last = await JobRunner.LastAsync(db, job, ct);
                Console.WriteLine(last is null ? $"{job}: never ran"
                    : $"{job}: {last.Status.ToString().ToLowerInvariant()} {last.StartedAt:yyyy-MM-dd HH:mm} UTC{(last.Error is null ? "" : " — " + last.Error)}");
            }
            return 0;
        });
        return new Command("jobs", "Background jobs: run one now, or list them.") { run, list };
    }

    private static ServiceProvider Open(ParseResult result, Action<IServiceCollection> addJobs)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddClienteleDb(CommandLine.ResolveDb(result));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        addJobs(services);
        return services.BuildServiceProvider();
    }
}
