namespace Clientele.Features.Exports.Formats;

/// <summary>
/// Spreadsheet formula injection (OWASP "CSV injection"): a text cell that starts with = + - @, or with a tab or a
/// carriage return (which some readers skip before looking for one), is taken by Excel and LibreOffice for a formula,
/// which can fetch a URL or run a command on the reader's machine. Client names, notes and imported values are typed by
/// whoever fills in a form, so every text cell of every export is written so that it stays text; numbers are numbers
/// and are written as they are.
/// </summary>
public static class FormulaGuard
{
    public static bool LooksLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
