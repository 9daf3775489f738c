using Clientele.Features.Imports.Mapping;
using Clientele.Features.Interactions;
using Clientele.Features.ServiceCosts;

namespace Clientele.Features.Imports.Records;

/// <summary>The words files use for interaction types, directions and cost categories, in English, Russian and German.</summary>
internal static class RecordVocabulary
{
    public static readonly IReadOnlyDictionary<string, InteractionKind> InteractionKinds = Words<InteractionKind>(
        (InteractionKind.Call, ["call", "phone call", "phone", "звонок", "телефонный звонок", "звонок входящий", "звонок исходящий", "anruf", "telefonat"]),
        (InteractionKind.Meeting, ["meeting", "visit", "встреча", "визит", "переговоры", "termin", "treffen", "besprechung", "besuch"]),
        (InteractionKind.Email, ["email", "e-mail", "mail", "letter", "письмо", "эл. письмо", "почта", "brief"]),
        (InteractionKind.Sms, ["sms", "text message", "смс", "смс-сообщение"]),
        (InteractionKind.Message, ["message", "chat", "messenger", "whatsapp", "telegram", "сообщение", "чат", "мессенджер", "nachricht"]),
        (InteractionKind.Note, ["note", "comment", "заметка", "примечание", "комментарий", "notiz", "bemerkung"]));

    public static readonly IReadOnlyDictionary<string, Direction> Directions = Words<Direction>(
        (Direction.Inbound, ["inbound", "incoming", "in", "входящий", "входящее", "входящая", "вход", "eingehend"]),
        (Direction.Outbound, ["outbound", "outgoing", "out", "исходящий", "исходящее", "исходящая", "исх", "ausgehend"]),
        (Direction.Internal, ["internal", "внутренний", "внутреннее", "intern"]));

    public static readonly IReadOnlyDictionary<string, ServiceCostCategory> CostCategories = Words<ServiceCostCategory>(
        (ServiceCostCategory.Support, ["support", "service", "поддержка", "техподдержка", "сервис", "обслуживание", "kundendienst", "betreuung"]),
        (ServiceCostCategory.Delivery, ["delivery", "shipping", "доставка", "логистика", "lieferung", "versand"]),
        (ServiceCostCategory.Visit, ["visit", "trip", "выезд", "визит", "командировка", "besuch", "reise"]),
        (ServiceCostCategory.ManagerTime, ["manager time", "time", "время менеджера", "работа менеджера", "managerzeit", "arbeitszeit"]),
        (ServiceCostCategory.Other, ["other", "misc", "прочее", "другое", "прочие", "sonstiges", "andere"]));

    /// <summary>Header-keyed words, with each value's own name (any case) among them.</summary>
    private static Dictionary<string, T> Words<T>(params (T Value, string[] Words)[] lists) where T : struct, Enum
    {
        var words = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (value, list) in lists)
            foreach (var word in list.Append(value.ToString())) words.TryAdd(ImportMapping.HeaderKey(word), value);
        return words;
    }
}
