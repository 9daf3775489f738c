using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Clientele.Infrastructure.Api;

/// <summary>
/// A deep copy of a write's input, field by field, so a spec's check can normalise it without touching the object the
/// caller holds: a form's own model keeps what the user typed when the save is refused (ADR 035).
/// </summary>
/// <remarks>
/// Fields, not JSON: a JSON round trip would drop get-only collections and <c>[JsonIgnore]</c> values the check
/// works with (<c>DealInput.StageEnteredAt</c>, <c>TaskInput.DoneAt</c>). Inputs are plain data — scalars, strings,
/// arrays, lists and nested input objects; anything else (a dictionary, a set, a delegate) is refused loudly rather
/// than copied half-way and shared with the caller.
/// </remarks>
public static class InputCopy
{
    private static readonly Func<object, object> Shallow =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!.CreateDelegate<Func<object, object>>();

    private static readonly ConcurrentDictionary<Type, FieldInfo[]> SharedFields = new();

    public static T Of<T>(T input) where T : class => (T)Copy(input)!;

    private static object? Copy(object? value)
    {
        if (value is null or string) return value;
        var type = value.GetType();
        if (type.IsValueType)
            return IsImmutable(type) ? value : throw new NotSupportedException($"{type} holds references a copy would share with the caller.");
        if (value is Array array)
        {
            var copied = (Array)array.Clone();
            if (!IsImmutable(type.GetElementType()!))
                for (var i = 0; i < copied.Length; i++) copied.SetValue(Copy(array.GetValue(i)), i);
            return copied;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (System.Collections.IList)Activator.CreateInstance(type)!;
            foreach (var item in (System.Collections.IList)value) list.Add(Copy(item));
            return list;
        }
        if (value is System.Collections.IEnumerable or Delegate || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
            throw new NotSupportedException($"An input may hold scalars, strings, arrays, lists and input objects; {type} cannot be copied.");
        var copy = Shallow(value);
        foreach (var field in SharedFields.GetOrAdd(type, ReferenceFields)) field.SetValue(copy, Copy(field.GetValue(value)));
        return copy;
    }

    /// <summary>The fields a shallow copy would share with the original: every field of a reference type but strings.</summary>
    private static FieldInfo[] ReferenceFields(Type type)
    {
        var fields = new List<FieldInfo>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            fields.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => !IsImmutable(f.FieldType)));
        return [.. fields];
    }

    /// <summary>Strings and values without references (numbers, dates, enums and their nullables) are copied by assignment.</summary>
    private static bool IsImmutable(Type type) => type == typeof(string) || (type.IsValueType && !HoldsReferences.GetOrAdd(type, HoldsReferencesOf));

    private static readonly ConcurrentDictionary<Type, bool> HoldsReferences = new();

    private static bool HoldsReferencesOf(Type type) =>
        (bool)typeof(RuntimeHelpers).GetMethod(nameof(RuntimeHelpers.IsReferenceOrContainsReferences))!.MakeGenericMethod(type).Invoke(null, null)!;
}
