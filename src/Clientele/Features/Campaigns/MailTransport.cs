using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Clientele.Features.Campaigns;

/// <summary>How one hand-over to the server ended.</summary>
public enum Delivery { Accepted, Transient, Permanent }

public sealed record DeliveryResult(Delivery Outcome, string Reply);

/// <summary>
/// One SMTP connection through MailKit, opened on first use and kept for a run. A refusal by the server is sorted
/// into passing (4xx, a dropped connection: try again later) and permanent (5xx: the address is bounced).
/// </summary>
public sealed class MailTransport(MailSettings settings, string? password) : IAsyncDisposable
{
    private readonly SmtpClient _smtp = new() { Timeout = 30_000 };

    public async Task<DeliveryResult> SendAsync(MimeMessage message, CancellationToken ct)
    {
        try
        {
            if (!_smtp.IsConnected)
            {
                await _smtp.ConnectAsync(settings.Host, settings.Port, Tls(settings.Tls), ct);
                if (!string.IsNullOrEmpty(settings.UserName)) await _smtp.AuthenticateAsync(settings.UserName, password ?? "", ct);
            }
            var reply = await _smtp.SendAsync(message, ct);
            return new DeliveryResult(Delivery.Accepted, Clip(reply));
        }
        catch (SmtpCommandException e)
        {
            // The connection survives a refused command; a reset keeps it usable for the next message.
            if (_smtp.IsConnected) await TryResetAsync(ct);
            var code = (int)e.StatusCode;
            return new DeliveryResult(code >= 500 ? Delivery.Permanent : Delivery.Transient, Clip($"{code} {e.Message}"));
        }
        catch (Exception e) when (e is SmtpProtocolException or IOException or System.Net.Sockets.SocketException or MailKit.ServiceNotConnectedException or TimeoutException
            or AuthenticationException or SslHandshakeException)
        {
            await DisconnectAsync();
            return new DeliveryResult(Delivery.Transient, Clip($"{e.GetType().Name}: {e.Message}"));
        }
    }

    private async Task TryResetAsync(CancellationToken ct)
    {
        try { await _smtp.NoOpAsync(ct); }
        catch (Exception e) when (e is SmtpProtocolException or IOException or SmtpCommandException) { await DisconnectAsync(); }
    }

    private async Task DisconnectAsync()
    {
        try { if (_smtp.IsConnected) await _smtp.DisconnectAsync(true); }
        catch (Exception e) when (e is IOException or SmtpProtocolException or System.Net.Sockets.SocketException) { }
    }

    private static SecureSocketOptions Tls(MailTls tls) => tls switch
    {
        MailTls.None => SecureSocketOptions.None,
        MailTls.StartTls => SecureSocketOptions.StartTls,
        MailTls.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    private static string Clip(string text) => text.Length <= 1000 ? text : text[..997] + "...";

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync();
        _smtp.Dispose();
    }
}

/// <summary>Builds the MIME message of an outbox row: both parts, the Message-ID from the row's id, RFC 8058 headers on marketing.</summary>
public static class MailComposer
{
    public const string UnsubscribePurpose = "unsubscribe";

    /// <summary>The same for the same row on every attempt, so the receiving side can tell a repeat (RFC 5322 §3.6.4).</summary>
    public static string MessageId(long outboxId, MailSettings settings) =>
        $"outbox-{outboxId}.{settings.Id}@{DomainOf(settings.FromAddress)}";

    public static string UnsubscribeUrl(MailSettings settings, MailSecrets secrets, long outboxId) =>
        settings.PublicUrl.TrimEnd('/') + "/unsubscribe/" + secrets.Sign(UnsubscribePurpose, outboxId);

    public static MimeMessage Compose(MailSettings settings, string to, RenderedMail mail, string? messageId, string? unsubscribeUrl)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName ?? "", settings.FromAddress));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = mail.Subject;
        if (messageId is not null) message.MessageId = messageId;
        if (unsubscribeUrl is not null)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.Body = new BodyBuilder { HtmlBody = mail.Html, TextBody = mail.Text }.ToMessageBody();
        return message;
    }

    private static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at >= 0 && at < address.Length - 1 ? address[(at + 1)..] : "clientele.invalid";
    }
}
