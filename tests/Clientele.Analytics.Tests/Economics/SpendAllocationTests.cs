using Clientele.Analytics.Economics;

namespace Clientele.Analytics.Tests.Economics;

public sealed class SpendAllocationTests
{
    [Fact]
    public void Hand_computed_allocation()
    {
        // Channel 7 spent 100 in month 10 and brought three clients: 33.33 each, 0.01 left over with the channel.
        // Channel 7 spent 50 in month 11 and brought nobody: all 50 stays unallocated. Channel 9 spent 20 in month 10
        // for its one client, whose direct cost of 5 comes on top. A client without channel carries only its direct cost.
        AcquiredClient[] clients = [new(7, 10, 0m), new(7, 10, 0m), new(7, 10, 1m), new(9, 10, 5m), new(null, 10, 2m), new(9, 12, 0m)];
        ChannelMonthSpend[] spend = [new(7, 10, 100m), new(7, 11, 50m), new(9, 10, 20m)];

        var result = SpendAllocation.Allocate(clients, spend);

        Assert.Equal([33.33m, 33.33m, 34.33m, 25m, 2m, 0m], result.AcquisitionCost);
        Assert.Equal([33.33m, 33.33m, 33.33m, 20m, 0m, 0m], result.ChannelShare);
        Assert.Equal(new Dictionary<long, decimal> { [7] = 50.01m }, result.Unallocated);
    }

    [Fact]
    public void Rounding_can_take_more_than_was_spent_and_then_the_channel_is_left_owing_cents()
    {
        // 0.05 among three: 0.0166… rounds to 0.02 each, 0.06 in all, so −0.01 stays with the channel.
        var result = SpendAllocation.Allocate([new(1, 3, 0m), new(1, 3, 0m), new(1, 3, 0m)], [new(1, 3, 0.05m)]);
        Assert.Equal([0.02m, 0.02m, 0.02m], result.ChannelShare);
        Assert.Equal(-0.01m, result.Unallocated[1]);
    }

    [Fact]
    public void Every_cent_spent_is_either_carried_by_a_client_or_left_with_its_channel()
    {
        var random = new Random(3);
        for (var run = 0; run < 100; run++)
        {
            var clients = Enumerable.Range(0, random.Next(0, 60))
                .Select(_ => new AcquiredClient(random.Next(4) == 0 ? null : random.Next(3), random.Next(6), 0m)).ToArray();
            var spend = Enumerable.Range(0, 3).SelectMany(ch => Enumerable.Range(0, 6).Select(m => new ChannelMonthSpend(ch, m, random.Next(0, 100_000) / 100m)))
                .Where(_ => random.Next(3) > 0).ToArray();
            var result = SpendAllocation.Allocate(clients, spend);
            Assert.Equal(spend.Sum(s => s.Amount), result.ChannelShare.Sum() + result.Unallocated.Values.Sum());
            Assert.Equal(result.ChannelShare, result.AcquisitionCost);
        }
    }
}
