using Microsoft.AspNetCore.Components;

namespace Clientele.Features.Analytics;

/// <summary>
/// A section of the analytics page: turns the page's report into its view once per report, not on every render of
/// the page (switching tabs re-renders the page and would otherwise recompute every view over the whole base).
/// </summary>
public abstract class AnalyticsSection<TView> : ComponentBase where TView : class
{
    [Parameter, EditorRequired] public AnalyticsReport Report { get; set; } = default!;

    /// <summary>Names of acquisition channels by id, in the user's language.</summary>
    [Parameter] public IReadOnlyDictionary<long, string> ChannelNames { get; set; } = new Dictionary<long, string>();

    protected TView? View { get; private set; }
    private AnalyticsReport? _builtFrom;

    protected DateOnly AsOf => Report.Base.AsOf;
    protected string Currency => Report.Base.Settings.BaseCurrency;

    protected abstract Task<TView> BuildAsync(AnalyticsReport report);

    protected override async Task OnParametersSetAsync()
    {
        if (ReferenceEquals(_builtFrom, Report)) return;
        _builtFrom = Report;
        View = null;
        View = await BuildAsync(Report);
    }

    protected string Money(decimal amount) => AnalyticsFormat.Money(amount, Currency);

    protected string Link(AnalyticsSelection selection, AnalyticsSort? sort = null) => AnalyticsLinks.Clients(AsOf, selection, sort);
}
