namespace Clientele.Features.Backup;

/// <summary>Marker for the backup's texts in BackupText.{ru,de}.resx beside it (English is the key itself).</summary>
public sealed class BackupText;
