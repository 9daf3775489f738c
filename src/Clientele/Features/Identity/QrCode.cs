using QRCoder;

namespace Clientele.Features.Identity;

/// <summary>The otpauth:// URI as a QR code image for the enrolment page (a PNG data URI; nothing leaves the server).</summary>
public static class QrCode
{
    public static string DataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(4));
    }
}
