using System.Text;
using Clientele.Features.Identity;

namespace Clientele.Tests.Identity;

/// <summary>The authenticator math against RFC 6238's own test vectors, and the app against the tests' implementation.</summary>
public sealed class TotpTests
{
    private static readonly byte[] RfcKey = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    public void Codes_match_the_rfc_6238_sha1_vectors(long unixSeconds, string expected)
    {
        var step = Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        Assert.Equal(expected, Totp.Code(RfcKey, step, 8));
        Assert.Equal(expected, Rfc6238.Code(RfcKey, step, 8));
        Assert.Equal(expected[2..], Totp.Code(RfcKey, step));
    }

    [Fact]
    public void A_new_secret_round_trips_through_base32_and_the_app_and_the_tests_agree_on_its_codes()
    {
        var secret = Totp.NewSecret();

        Assert.Equal(32, secret.Length);
        Assert.Equal(20, Base32.Decode(secret).Length);
        Assert.Equal(secret, Base32.Encode(Base32.Decode(secret)));
        for (var step = 1000L; step < 1010; step++) Assert.Equal(Rfc6238.Code(secret, step), Totp.Code(Base32.Decode(secret), step));
    }

    [Theory]
    [InlineData("123 456", "123456")]
    [InlineData("123-456", "123456")]
    [InlineData("12345", null)]
    [InlineData("1234567", null)]
    [InlineData("12a456", null)]
    [InlineData("", null)]
    public void Codes_are_read_as_six_digits_with_spaces_and_dashes_ignored(string input, string? expected) =>
        Assert.Equal(expected, Totp.Normalize(input));

    [Fact]
    public void The_otpauth_uri_names_issuer_account_secret_and_parameters()
    {
        var uri = Totp.Uri("Clientele", "anna@firma.de", "JBSWY3DPEHPK3PXP");

        Assert.Equal("otpauth://totp/Clientele:anna%40firma.de?secret=JBSWY3DPEHPK3PXP&issuer=Clientele&algorithm=SHA1&digits=6&period=30", uri);
    }
}
