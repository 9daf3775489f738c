using Clientele.Analytics.Structure;

namespace Clientele.Analytics.Tests.Structure;

public sealed class KeyPersonRiskTests
{
    [Fact]
    public void Threads_count_employees_and_contact_persons_and_the_managers_share()
    {
        // Client 0 (manager 7): 7 with person 1 twice, 8 with person 2 once → 2 employees, 2 persons, share 2/3, not single.
        // Client 1 (manager 7): 9 with person 3 twice → single, through 9 (not its manager), share 0.
        // Client 2 (manager 8): one interaction without employee or person → single, through its manager 8, share 0/1.
        // Client 3 (manager 8): no interaction → not single (nobody is in touch), share unknown.
        Touch[] touches = [new(0, 7, 1), new(0, 7, 1), new(0, 8, 2), new(1, 9, 3), new(1, 9, 3), new(2, null, null)];

        var t = KeyPersonRisk.Threads([7, 7, 8, 8], touches);

        Assert.Equal(new ClientThreads(3, 2, 2, 2.0 / 3, false, null), t[0]);
        Assert.Equal(new ClientThreads(2, 1, 1, 0.0, true, 9), t[1]);
        Assert.Equal(new ClientThreads(1, 0, 0, 0.0, true, 8), t[2]);
        Assert.Equal(new ClientThreads(0, 0, 0, null, false, null), t[3]);
    }

    [Fact]
    public void One_employee_with_two_contact_persons_is_not_single_threaded()
    {
        var t = KeyPersonRisk.Threads([5], [new Touch(0, 5, 1), new Touch(0, 5, 2)]);

        Assert.False(t[0].SingleThread);
        Assert.Equal(1.0, t[0].ManagerShare);
    }

    [Fact]
    public void Exposure_sums_the_portfolio_by_responsible_manager_and_the_risk_by_key_person()
    {
        // Manager 7 is responsible for clients 0 and 1 (revenue 100 + 50); manager 8 for 2 and 3 (30 + 20).
        // Single-thread: client 1 through 9, client 2 through 8, client 3 through 8.
        ClientStake[] stakes = [new(7, 100m, 40m, 500m), new(7, 50m, 20m, 200m), new(8, 30m, 10m, 90m), new(8, 20m, 5m, 60m)];
        ClientThreads[] threads =
        [
            new(3, 2, 2, 0.5, false, null), new(2, 1, 1, 0, true, 9), new(1, 1, 1, 1, true, 8), new(4, 1, 0, 1, true, 8),
        ];

        var rows = KeyPersonRisk.ByEmployee(stakes, threads);

        // 50 at risk with 9 (who is responsible for nothing), 50 (30 + 20) with 8 out of 8's 50, nothing with 7.
        Assert.Equal([8L, 9L, 7L], rows.Select(r => r.Employee));
        Assert.Equal(new KeyPersonExposure(8, 2, 50m, 2, 50m, 15m, 150m), rows[0]);
        Assert.Equal(1.0, rows[0].ShareAtRisk);
        Assert.Equal(new KeyPersonExposure(9, 0, 0m, 1, 50m, 20m, 200m), rows[1]);
        Assert.Null(rows[1].ShareAtRisk);
        Assert.Equal(new KeyPersonExposure(7, 2, 150m, 0, 0m, 0m, 0m), rows[2]);
        Assert.Equal(0.0, rows[2].ShareAtRisk);
    }
}

public sealed class SuccessorsTests
{
    [Fact]
    public void Each_client_goes_to_the_least_loaded_counting_what_was_placed_before_it()
    {
        // Loads 0 (id 1) and 2 (id 2). A (3) → 1 (0 < 2): loads 3, 2. B (2) → 2: 3, 4. C (1) → 1: 4, 4. C → tie at 4, lower id 1.
        var suggestions = Successors.Suggest(
            [new(AbcClass.A, null), new(AbcClass.B, null), new(AbcClass.C, null), new(AbcClass.C, null)],
            [new(1, 0, new HashSet<string>()), new(2, 2, new HashSet<string>())]);

        Assert.Equal([1L, 2L, 1L, 1L], suggestions);
    }

    [Fact]
    public void A_candidate_who_knows_the_region_counts_one_class_A_client_lighter()
    {
        // Id 1 has load 2 and serves Bayern (score 2 − 3 = −1), id 2 has load 0: the Bayern client goes to 1, the Moskva one to 2.
        var suggestions = Successors.Suggest(
            [new(AbcClass.C, "Bayern"), new(AbcClass.C, "Moskva")],
            [new(1, 2, new HashSet<string> { "Bayern" }), new(2, 0, new HashSet<string>())]);

        Assert.Equal([1L, 2L], suggestions);
    }

    [Fact]
    public void A_second_employee_is_never_one_the_client_runs_through_and_load_counts_as_for_successors()
    {
        // Loads: 1 → 0, 2 → 1, 3 → 5. Client 0 (A) runs through 1: 2 (1 < 5), loads 0, 4, 5. Client 1 (A) runs through 1 and 2:
        // 3 (5), loads 0, 4, 8. Client 2 (C) runs through 1, 2 and 3: nobody is left, null. Client 3 (C) runs through 3: 1 (0).
        var suggestions = Successors.SuggestSeconds(
            [new(AbcClass.A, null), new(AbcClass.A, null), new(AbcClass.C, null), new(AbcClass.C, null)],
            [new HashSet<long> { 1 }, new HashSet<long> { 1, 2 }, new HashSet<long> { 1, 2, 3 }, new HashSet<long> { 3 }],
            [new(1, 0, new HashSet<string>()), new(2, 1, new HashSet<string>()), new(3, 5, new HashSet<string>())]);

        Assert.Equal([2L, 3L, null, 1L], suggestions);
    }

    [Fact]
    public void No_candidate_is_refused() =>
        Assert.Throws<ArgumentException>(() => Successors.Suggest([new(AbcClass.A, null)], []));
}

public sealed class ManagerLoadTests
{
    [Fact]
    public void Load_is_class_weights_against_capacity_and_class_A_uncontacted_beyond_the_limit_is_counted()
    {
        // Manager 1: A contacted 10 days ago, A contacted 31 days ago (beyond 30), A never, C → load 3 + 3 + 3 + 1 = 10 of 8 = 1.25.
        // Manager 2: B, C contacted 100 days ago (not class A: not flagged) → load 2 + 1 = 3 of 8 = 0.375.
        ManagedClient[] clients =
        [
            new(1, AbcClass.A, 10), new(1, AbcClass.A, 31), new(1, AbcClass.A, null), new(1, AbcClass.C, 5), new(2, AbcClass.B, 1), new(2, AbcClass.C, 100),
        ];

        var rows = ManagerLoad.Of(clients, uncontactedDays: 30, capacity: 8);

        Assert.Equal(new ManagerLoadRow(1, 3, 0, 1, 10, 2, 1.25), rows[0]);
        Assert.True(rows[0].OverCapacity);
        Assert.Equal(new ManagerLoadRow(2, 0, 1, 1, 3, 0, 0.375), rows[1]);
        Assert.False(rows[1].OverCapacity);
    }

    [Fact]
    public void A_client_contacted_exactly_at_the_limit_is_not_flagged() =>
        Assert.Equal(0, ManagerLoad.Of([new ManagedClient(1, AbcClass.A, 30)], 30, 10)[0].UncontactedA);

    [Fact]
    public void No_capacity_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ManagerLoad.Of([], 30, 0));
}

public sealed class KeyPersonRiskTrendTests
{
    [Fact]
    public void Each_month_weighs_the_threads_and_revenue_of_the_window_ending_with_it()
    {
        // Window of two months, months 1 to 3.
        // Client 0 (manager 7): 7 with person 1 in month 1, 8 with person 2 in month 3; revenue 100, 50, 10 in months 1–3.
        // Client 1 (manager 8): 8 with person 3 in month 2; revenue 20, 30 in months 2–3.
        // Client 2 (manager 7): 7 and 8 with person 4 in month 2 (two threads); revenue 5 in months 1 and 3.
        DatedTouch[] touches = [new(1, new(0, 7, 1)), new(3, new(0, 8, 2)), new(2, new(1, 8, 3)), new(2, new(2, 7, 4)), new(2, new(2, 8, 4))];
        ClientMonth[] revenue = [new(0, 1, 100m, 1), new(0, 2, 50m, 1), new(0, 3, 10m, 1), new(1, 2, 20m, 1), new(1, 3, 30m, 1), new(2, 1, 5m, 1), new(2, 3, 5m, 1)];

        var trend = KeyPersonRisk.Trend([7, 8, 7], touches, revenue, 1, 3, 2);

        // Month 1 (months 0–1): client 0 through 7 (100); client 2 untouched. Of 105.
        Assert.Equal((1, 1, 100m, 105m), (trend[0].Month, trend[0].SingleThreadClients, trend[0].RevenueAtRisk, trend[0].Revenue));
        Assert.Equal(new Dictionary<long, decimal> { [7] = 100m }, trend[0].ByKeyPerson);
        // Month 2 (months 1–2): client 0 through 7 (150), client 1 through 8 (20); client 2 has two threads. Of 175.
        Assert.Equal((2, 170m, 175m), (trend[1].SingleThreadClients, trend[1].RevenueAtRisk, trend[1].Revenue));
        Assert.Equal(new Dictionary<long, decimal> { [7] = 150m, [8] = 20m }, trend[1].ByKeyPerson);
        // Month 3 (months 2–3): client 0 now runs through 8 alone (60), client 1 through 8 (50); client 2 still two threads. Of 115.
        Assert.Equal((2, 110m, 115m), (trend[2].SingleThreadClients, trend[2].RevenueAtRisk, trend[2].Revenue));
        Assert.Equal(new Dictionary<long, decimal> { [8] = 110m }, trend[2].ByKeyPerson);
        Assert.Equal(110.0 / 115, trend[2].Share!.Value, 12);
    }
}
