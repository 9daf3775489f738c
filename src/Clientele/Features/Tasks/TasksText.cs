namespace Clientele.Features.Tasks;

/// <summary>Marker for the /tasks page's texts in TasksText.{ru,de}.resx beside it (English is the key itself).</summary>
public sealed class TasksText;
