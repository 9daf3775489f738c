using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Identity;

/// <summary>The owner's sign-in rules: one row; absent means the defaults.</summary>
public sealed class SignInPolicy
{
    public const long SingletonId = 1;
    public const int DefaultIdleMinutes = 30;
    public const int DefaultAbsoluteHours = 12;

    public long Id { get; set; } = SingletonId;
    /// <summary>A session nobody used for this long ends.</summary>
    public int IdleTimeoutMinutes { get; set; } = DefaultIdleMinutes;
    /// <summary>A session ends this long after sign-in, used or not.</summary>
    public int AbsoluteLifetimeHours { get; set; } = DefaultAbsoluteHours;
    /// <summary>Everyone must use an authenticator app; those without one are sent to enrol and can do nothing else.</summary>
    public bool TwoFactorRequired { get; set; }

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(IdleTimeoutMinutes);
    public TimeSpan AbsoluteLifetime => TimeSpan.FromHours(AbsoluteLifetimeHours);

    public static async Task<SignInPolicy> ReadAsync(ClienteleDb db, CancellationToken ct) =>
        await db.Set<SignInPolicy>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == SingletonId, ct) ?? new SignInPolicy();
}

internal sealed class SignInPolicyConfiguration : IEntityTypeConfiguration<SignInPolicy>
{
    public void Configure(EntityTypeBuilder<SignInPolicy> b)
    {
        b.ToTable("SignInPolicy");
        b.Property(p => p.Id).ValueGeneratedNever();
    }
}

/// <summary>The last authenticator time step accepted per user: a code works once, and an older one never.</summary>
public sealed class TwoFactorStep
{
    public long EmployeeId { get; set; }
    public long LastAcceptedStep { get; set; }
}

internal sealed class TwoFactorStepConfiguration : IEntityTypeConfiguration<TwoFactorStep>
{
    public void Configure(EntityTypeBuilder<TwoFactorStep> b)
    {
        b.ToTable("TwoFactorSteps");
        b.HasKey(s => s.EmployeeId);
        b.Property(s => s.EmployeeId).ValueGeneratedNever();
        b.HasOne<Employee>().WithOne().HasForeignKey<TwoFactorStep>(s => s.EmployeeId).OnDelete(DeleteBehavior.Cascade);
    }
}
