using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Clientele.Data;

/// <summary>
/// Money with two decimals stored as whole minor units (kopecks, cents). The aggregate tables are read by the million
/// for analytics; SQLite keeps decimals as text, and parsing text is what would dominate the read.
/// </summary>
public sealed class MinorUnitsConverter() : ValueConverter<decimal, long>(
    value => (long)(value * 100m),
    units => units / 100m);

/// <summary>A calendar day stored as its day number, for the same reason as <see cref="MinorUnitsConverter"/>.</summary>
public sealed class DayNumberConverter() : ValueConverter<DateOnly, int>(
    day => day.DayNumber,
    number => DateOnly.FromDayNumber(number));
