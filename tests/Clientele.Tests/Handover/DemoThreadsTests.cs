using Clientele.Analytics.Structure;
using Clientele.Features.Demo;

namespace Clientele.Tests.Handover;

/// <summary>The demo base gives the key-person risk report someone to name: two managers' portfolios run through them alone.</summary>
public sealed class DemoThreadsTests
{
    [Fact]
    public void The_first_two_managers_portfolios_are_single_threaded_and_the_others_are_not()
    {
        var asOf = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        long[] managers = [11, 12, 13, 14, 15, 16];
        var demo = new DemoData(DemoData.DefaultSeed, asOf, managers, []).Generate(600, 6000);
        var index = demo.Clients.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var touches = demo.Interactions.Where(x => x.OccurredAt > asOf.AddMonths(-12))
            .Select(x => new Touch(index[x.ClientId], x.EmployeeId, x.ContactPersonId)).ToArray();

        var threads = KeyPersonRisk.Threads([.. demo.Clients.Select(c => c.ManagerId)], touches);

        // Share of each manager's clients in touch this year that run through one employee and one person.
        var share = managers.ToDictionary(m => m, m =>
        {
            var touched = demo.Clients.Select((c, i) => (c, t: threads[i])).Where(x => x.c.ManagerId == m && x.t.Interactions > 0).ToList();
            return (double)touched.Count(x => x.t.SingleThread && x.t.KeyPerson == m) / touched.Count;
        });
        Assert.Equal(1.0, share[11]);
        Assert.Equal(1.0, share[12]);
        Assert.All(managers.Skip(DemoData.SingleThreadManagers), m => Assert.True(share[m] < 0.75, $"manager {m}: {share[m]:P0} single-thread"));
    }
}
