namespace Clientele.BrowserTests;

/// <summary>
/// A test with its own running app and its share of the run's Chromium: both started before the test and stopped after
/// it, the browser's contexts first, so no page of the stopped app is left reconnecting.
/// </summary>
public abstract class AppInBrowserTest : IAsyncLifetime
{
    protected RunningApp App { get; private set; } = default!;
    protected BrowserLease Chromium { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        App = await RunningApp.StartAsync("http://127.0.0.1:{port}", Settings);
        Chromium = await Browser.LeaseAsync();
        await PrepareAsync();
    }

    /// <summary>Settings of the class's app, as "--Key=value".</summary>
    protected virtual string[] Settings => [];

    /// <summary>What the class puts into its app before each test (a demo base, users, a file).</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        await App.DisposeAsync();
    }
}
