using Clientele.Features.Clients;
using Clientele.Features.Company;
using Clientele.Features.Contacts;
using Clientele.Features.Economics;
using Clientele.Features.Groups;
using Clientele.Features.Identity;
using Clientele.Features.Interactions;
using Clientele.Features.Products;
using Clientele.Features.Purchases;
using Clientele.Features.ServiceCosts;
using Clientele.Features.Tasks;
using Clientele.Infrastructure.Idempotency;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Data;

/// <summary>
/// The one model. Each provider has a subclass (<see cref="SqliteClienteleDb"/>, <see cref="PostgresClienteleDb"/>)
/// only so that each keeps its own migrations; code everywhere depends on this type.
/// </summary>
public abstract partial class ClienteleDb(DbContextOptions options, TimeProvider clock)
    : IdentityDbContext<Employee, IdentityRole<long>, long>(options), IDataProtectionKeyContext
{
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<ClientTag> ClientTags => Set<ClientTag>();
    public DbSet<ClientCoManager> ClientCoManagers => Set<ClientCoManager>();
    public DbSet<ClientSearchTerm> ClientSearchTerms => Set<ClientSearchTerm>();
    public DbSet<AcquisitionChannel> AcquisitionChannels => Set<AcquisitionChannel>();
    public DbSet<ContactPerson> ContactPersons => Set<ContactPerson>();
    public DbSet<ProductCategory> ProductCategories => Set<ProductCategory>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Purchase> Purchases => Set<Purchase>();
    public DbSet<PurchaseLine> PurchaseLines => Set<PurchaseLine>();
    public DbSet<ServiceCost> ServiceCosts => Set<ServiceCost>();
    public DbSet<Interaction> Interactions => Set<Interaction>();
    public DbSet<FollowUpTask> Tasks => Set<FollowUpTask>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<CompanySettings> CompanySettings => Set<CompanySettings>();
    public DbSet<ClientRunningFigures> ClientFigures => Set<ClientRunningFigures>();
    public DbSet<ClientMonthlyFigures> ClientMonthFigures => Set<ClientMonthlyFigures>();
    public DbSet<ChannelSpend> ChannelSpend => Set<ChannelSpend>();
    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();
    public DbSet<ClientGroup> ClientGroups => Set<ClientGroup>();
    public DbSet<ClientGroupMember> ClientGroupMembers => Set<ClientGroupMember>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Features.Pipeline.PipelineStage> PipelineStages => Set<Features.Pipeline.PipelineStage>();
    public DbSet<Features.Pipeline.Deal> Deals => Set<Features.Pipeline.Deal>();
    public DbSet<Features.Pipeline.DealStageChange> DealStageChanges => Set<Features.Pipeline.DealStageChange>();
    public DbSet<Features.Pipeline.Lead> Leads => Set<Features.Pipeline.Lead>();
    public DbSet<Features.Pipeline.LeadForm> LeadForms => Set<Features.Pipeline.LeadForm>();
    public DbSet<Features.Surveys.SurveyAnswer> SurveyAnswers => Set<Features.Surveys.SurveyAnswer>();
    public DbSet<Features.Surveys.SurveyLink> SurveyLinks => Set<Features.Surveys.SurveyLink>();
    public DbSet<Features.Surveys.LoopItem> LoopItems => Set<Features.Surveys.LoopItem>();
    public DbSet<Features.Surveys.LoopCause> LoopCauses => Set<Features.Surveys.LoopCause>();
    public DbSet<Features.Products.CategoryPairCount> CategoryPairCounts => Set<Features.Products.CategoryPairCount>();
    public DbSet<Features.Surveys.ProductWish> ProductWishes => Set<Features.Surveys.ProductWish>();
    public DbSet<Features.FollowUp.FollowUpRule> FollowUpRules => Set<Features.FollowUp.FollowUpRule>();
    public DbSet<Features.FollowUp.FollowUpRuleHit> FollowUpRuleHits => Set<Features.FollowUp.FollowUpRuleHit>();
    /// <summary>ASP.NET's data-protection key ring, shared by every app node of the database (ADR 041).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Told when a write of this context that made the analytics stale has committed: the host that made the context
    /// (its <see cref="Features.Analytics.SharedGeneration"/>) then reads the new generation at once. Null for a
    /// context made outside a host; the generation row in the database carries the change all the same.
    /// </summary>
    internal Action? AnalyticsMovedOn { get; set; }

    /// <summary>The injected clock's now, for rules that compare with today.</summary>
    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ClienteleDb).Assembly);
        AddAccessFilters(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Stamps times and bumps versions in one place, so no write path can forget either.</summary>
    private void StampChanges()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Added)
            {
                if (entry.Entity is IStamped stamped)
                {
                    if (stamped.CreatedAt == default) stamped.CreatedAt = now;
                    stamped.UpdatedAt = stamped.CreatedAt > now ? stamped.CreatedAt : now;
                }
                if (entry.Entity is IVersioned added && added.Version == 0) added.Version = 1;
            }
            else if (entry.State == EntityState.Modified)
            {
                if (entry.Entity is IStamped stamped) stamped.UpdatedAt = now;
                if (entry.Entity is IVersioned versioned) versioned.Version++;
            }
        }
    }
}

public sealed class SqliteClienteleDb(DbContextOptions<SqliteClienteleDb> options, TimeProvider clock)
    : ClienteleDb(options, clock);

public sealed class PostgresClienteleDb(DbContextOptions<PostgresClienteleDb> options, TimeProvider clock)
    : ClienteleDb(options, clock)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Byte-wise order makes the prefix ranges of search terms and name keys index-friendly
        // whatever locale the server was initialised with.
        builder.Entity<ClientSearchTerm>().Property(t => t.Term).UseCollation("C");
        builder.Entity<Client>().Property(c => c.NameKey).UseCollation("C");
    }
}
