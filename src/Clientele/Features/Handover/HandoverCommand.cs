using System.CommandLine;
using Clientele.Features.Analytics;
using Clientele.Features.Identity;
using Clientele.Features.Lifetime;
using Clientele.Infrastructure.Cli;

namespace Clientele.Features.Handover;

/// <summary>
/// <c>clientele handover --email E [--to A,B]</c>: the whole offboarding in one run — deactivate, list, reassign every
/// client to its suggested successor (among --to, else every active manager and owner), introduce, finish. Stopped
/// half-way it resumes where it stopped; run again it finds nothing to do.
/// </summary>
public static class HandoverCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The departing employee.", Required = true };
        var to = new Option<string?>("--to") { Description = "Successors' e-mails, comma-separated (default: every active manager and owner, by load)." };
        var mail = new Option<bool>("--email-clients") { Description = "Also e-mail each client (its main contact person) the new manager's name, through the outbox." };
        var stopAfterReview = new Option<bool>("--review") { Description = "Stop after the review: deactivate, list the clients with their risk and suggested successor, show the employee's exports and access of the last 90 days. Run again without it to go on." };
        var printReport = new Option<bool>("--report") { Description = "At the end, print the hand-over report: contacted in time, bought again, lost with reasons, revenue before and after." };
        var command = new Command("handover", "Offboard an employee: deactivate, reassign their clients, open tasks and deals, make the introduction tasks.") { email, to, mail, stopAfterReview, printReport };
        command.SetAction(async (result, ct) =>
        {
            await using var services = CommandServices.Open(CommandLine.ResolveDb(result));
            var departing = await services.Users.FindByEmailAsync(result.GetValue(email)!.Trim())
                ?? throw new CliException(Message.Of("there is no user {0}.", result.GetValue(email)));
            List<long>? successors = null;
            if (result.GetValue(to) is { } list)
            {
                successors = [];
                foreach (var address in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    successors.Add((await services.Users.FindByEmailAsync(address))?.Id ?? throw new CliException(Message.Of("there is no user {0}.", address)));
            }
            var flow = new HandoverFlow(services.Db, services.Services.GetRequiredService<AnalyticsCache>(), services.Clock);
            // Checked before the account is touched: a wrong successor leaves everything as it was.
            if (successors is not null)
            {
                var valid = (await flow.CandidatesAsync(departing.Id, successors, ct)).Select(c => c.Employee).ToHashSet();
                if (successors.FirstOrDefault(s => !valid.Contains(s), -1) is var wrong and not -1)
                    throw new CliException(Message.Of<HandoverText>("User {0} cannot take over clients: a successor is an active manager or owner other than the departing one.", wrong));
            }
            if (departing.IsActive) await UserAdmin.DeactivateAsync(services.Services, departing.Email!, ct);
            services.Db.ChangeTracker.Clear();
            var started = await flow.StartAsync(departing.Id, null, ct);
            if (started.Outcome != HandoverOutcome.Done) throw new CliException(started.Problem!);
            var id = started.Value!.Id;
            var before = (await flow.ReviewAsync(id, ct))!;
            Say(Message.Of<HandoverText>("Hand-over {0} of {1}: {2} clients.", id, before.DepartingName, before.Clients));
            if (result.GetValue(stopAfterReview))
            {
                PrintReview(before);
                return 0;
            }
            if (before.Rows.Any(r => r.SuccessorId is null))
            {
                var reassigned = await flow.AcceptSuggestionsAsync(id, successors, null, ct);
                if (reassigned.Outcome != HandoverOutcome.Done) throw new CliException(reassigned.Problem!);
            }
            var introduced = (await flow.IntroduceAsync(id, result.GetValue(mail), null, ct)).Value!;
            var finished = await flow.FinishAsync(id, null, ct);
            var review = finished.Value ?? introduced;
            Say(Message.Of<HandoverText>("Reassigned {0} of {1} clients, {2} open tasks moved, {3} introduction tasks.", review.Reassigned, review.Clients, review.TasksMoved, review.Introduced));
            foreach (var s in review.Rows.Where(r => r.SuccessorId is not null).GroupBy(r => r.SuccessorName).OrderBy(g => g.Key, StringComparer.Ordinal))
                Console.WriteLine("  " + Message.Of<HandoverText>("{0}: {1} clients", s.Key, s.Count()).Render());
            if (finished.Outcome != HandoverOutcome.Done) throw new CliException(finished.Problem!);
            Say(Message.Of<HandoverText>("Hand-over of {0} finished.", review.DepartingName));
            if (result.GetValue(printReport)) PrintReport((await flow.FollowAsync(id, ct))!);
            return 0;
        });
        return command;
    }

    /// <summary>What the owner reviews before anyone is reassigned: the clients most valuable first, then the audit trail's signals.</summary>
    private static void PrintReview(HandoverReview review)
    {
        foreach (var r in review.Rows)
            Console.WriteLine("  " + Message.Of<HandoverText>("{0}: class {1}, contribution {2}, CLV {3}, {4}; suggested successor: {5}.", r.ClientName, r.AbcClass,
                LifetimeFormat.Money(r.Contribution), r.Clv is { } clv ? LifetimeFormat.Money(clv) : Message.Of<HandoverText>("not computed"),
                Message.Of<HandoverText>(r.SingleThread ? "single thread" : "more than one thread"), r.SuggestedName ?? LifetimeFormat.None).Render());
        Say(Message.Of<HandoverText>("Last {0} days in the audit trail", HandoverFlow.ReviewDays));
        Console.WriteLine("  " + Message.Of<HandoverText>("Exports: {0}. Mass-access alerts: {1}. Clients viewed: {2}.", review.Exports.Count, review.MassAccessAlerts, review.ClientsViewed).Render());
        Say(Message.Of<HandoverText>("Stopped after the review: run the command again without --review to reassign."));
    }

    private static void PrintReport(HandoverFollowUp report)
    {
        Say(Message.Of<HandoverText>("Contacted in time: {0} of {1}. Bought again: {2}. Lost within 6 months: {3}.", report.ContactedInTime, report.Clients, report.BoughtAgain, report.Lost));
        Say(Message.Of<HandoverText>("Revenue 6 months before: {0}; since: {1}.", LifetimeFormat.Money(report.RevenueBefore), LifetimeFormat.Money(report.RevenueAfter)));
        foreach (var lost in report.Rows.Where(r => r.Lost))
            Console.WriteLine("  " + Message.Of<HandoverText>("{0}: lost, {1}.", lost.ClientName, lost.LossReason ?? LifetimeFormat.None).Render());
    }

    private static void Say(Message message) => Console.WriteLine(message.Render());
}
