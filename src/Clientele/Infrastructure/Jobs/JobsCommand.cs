using System.CommandLine;
using Clientele.Infrastructure.Cli;

namespace Clientele.Infrastructure.Jobs;

/// <summary><c>clientele jobs run NAME</c> and <c>clientele jobs list</c>: a job run by hand (cron, a node with the schedule off), kept in the same runs table.</summary>
public static class JobsCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The job's name, e.g. lifetime-refresh (see 'clientele jobs list')." };
        var run = new Command("run", "Run a background job now and wait for it; exit code 1 when the run fails.") { name };
        run.SetAction(async (result, ct) =>
        {
            await using var services = CommandServices.Open(CommandLine.ResolveDb(result));
            var runner = services.Services.GetRequiredService<JobRunner>();
            var job = result.GetValue(name)!;
            if (runner.Find(job) is null)
                throw new CliException(Message.Of("there is no job '{0}'; known jobs: {1}.", job, string.Join(", ", runner.Names.Order(StringComparer.Ordinal))));
            var done = await runner.RunAsync(job, JobTrigger.OnDemand, null, ct) ?? throw new CliException(Message.Of("job '{0}' is running already.", job));
            if (done.Status != JobStatus.Succeeded)
            {
                Console.WriteLine($"{done.Name}: {Status(done)} in {Seconds(done)}");
                await Console.Error.WriteLineAsync("error: " + done.Message);
                return 1;
            }
            Console.WriteLine($"{done.Name}: {Status(done)} in {Seconds(done)}{Said(done)}");
            return 0;
        });

        var list = new Command("list", "The jobs and their last runs.");
        list.SetAction(async (result, ct) =>
        {
            await using var services = CommandServices.Open(CommandLine.ResolveDb(result));
            var runner = services.Services.GetRequiredService<JobRunner>();
            foreach (var job in runner.Names.Order(StringComparer.Ordinal))
            {
                var last = await JobRunner.LastAsync(services.Db, job, ct);
                Console.WriteLine(last is null ? $"{job}: never ran" : $"{job}: {Status(last)} {last.StartedAt:yyyy-MM-dd HH:mm} UTC{Said(last)}");
            }
            return 0;
        });
        return new Command("jobs", "Background jobs: run one now, or list them.") { run, list };
    }

    private static string Status(JobRun run) => run.Status.ToString().ToLowerInvariant();

    private static string Seconds(JobRun run) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(run.FinishedAt - run.StartedAt)?.TotalSeconds:0.0} s");

    private static string Said(JobRun run) => run.Message is null ? "" : " — " + run.Message;
}
