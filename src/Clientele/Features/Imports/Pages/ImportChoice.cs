using Clientele.Features.Imports.Mapping;

namespace Clientele.Features.Imports.Pages;

/// <summary>What the user chose before uploading; kept by the page, so "import another file" starts from the same choices.</summary>
public sealed class ImportChoice
{
    public ImportKind Kind { get; set; } = ImportKind.Clients;
    public ImportMatchPolicy OnMatch { get; set; } = ImportMatchPolicy.Update;
    public string Region { get; set; } = "RU";
    public string Preset { get; set; } = "";
    public IReadOnlyList<PresetView> Presets { get; set; } = [];

    public async Task LoadPresetsAsync(ClienteleDb db) => Presets = await ImportPresets.ListAsync(db, Kind, default);

    /// <summary>The file's size as the page shows it.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / 1024.0 / 1024:0.#} MB",
    };
}
