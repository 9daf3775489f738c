using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Clients;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> b)
    {
        b.Property(c => c.Name).HasMaxLength(ClientRules.NameMax);
        b.Property(c => c.LegalName).HasMaxLength(ClientRules.NameMax);
        b.Property(c => c.NameKey).HasMaxLength(ClientRules.NameMax);
        b.Property(c => c.TaxId).HasMaxLength(TaxIds.MaxLength);
        b.Property(c => c.Kpp).HasMaxLength(TaxIds.KppLength);
        b.Property(c => c.ExternalCode).HasMaxLength(50);
        b.HasIndex(c => c.ExternalCode);
        b.Property(c => c.Industry).HasMaxLength(100);
        b.Property(c => c.Region).HasMaxLength(100);
        b.Property(c => c.TimeZone).HasMaxLength(64);
        b.Property(c => c.City).HasMaxLength(100);
        b.Property(c => c.Country).HasMaxLength(2);
        b.Property(c => c.Website).HasMaxLength(300);
        b.Property(c => c.Phone).HasMaxLength(20);
        b.Property(c => c.Email).HasMaxLength(254);
        b.Property(c => c.ChurnReason).HasMaxLength(500);
        b.Property(c => c.Competitor).HasMaxLength(200);
        b.Property(c => c.Notes).HasMaxLength(ClientRules.NotesMax);
        b.Property(c => c.AcquisitionCost).HasPrecision(18, 2);
        b.Property(c => c.Version).IsConcurrencyToken();

        b.HasOne(c => c.AcquisitionChannel).WithMany().OnDelete(DeleteBehavior.SetNull);
        b.HasOne(c => c.ReferredBy).WithMany().HasForeignKey(c => c.ReferredById).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(c => c.ServedThrough).WithMany().HasForeignKey(c => c.ServedThroughId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(c => c.Manager).WithMany().HasForeignKey(c => c.ManagerId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(c => c.CoManagers).WithOne().HasForeignKey(m => m.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Tags).WithOne().HasForeignKey(t => t.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.SearchTerms).WithOne().HasForeignKey(t => t.ClientId).OnDelete(DeleteBehavior.Cascade);

        // The grid sorts by name under every filter; one index per filter keeps each page an index walk.
        b.HasIndex(c => new { c.NameKey, c.Id });
        b.HasIndex(c => new { c.Status, c.NameKey, c.Id });
        b.HasIndex(c => new { c.ManagerId, c.NameKey, c.Id });
        b.HasIndex(c => new { c.AcquisitionChannelId, c.NameKey, c.Id });
        b.HasIndex(c => new { c.Role, c.NameKey, c.Id });
        b.HasIndex(c => new { c.Region, c.NameKey, c.Id });
        // Status is the filter combined with the others most; these answer "mine and active" from the index alone.
        b.HasIndex(c => new { c.ManagerId, c.Status, c.NameKey, c.Id });
        b.HasIndex(c => new { c.Region, c.Status, c.NameKey, c.Id });
        // The grid's other sort orders.
        b.HasIndex(c => new { c.CreatedAt, c.Id });
        b.HasIndex(c => new { c.LastPurchaseAt, c.Id });
        b.HasIndex(c => new { c.Status, c.LastPurchaseAt, c.Id });
        b.HasIndex(c => new { c.AcquisitionChannelId, c.Role, c.NameKey, c.Id });
        b.HasIndex(c => new { c.City, c.NameKey, c.Id });
        b.HasIndex(c => c.Phone);
        b.HasIndex(c => c.Email);
        b.HasIndex(c => c.TaxId);
        // The won-from report reads the clients that have a previous supplier; the competitor merge repoints them.
        b.HasIndex(c => c.PreviousSupplierId);
    }
}

internal sealed class ClientTagConfiguration : IEntityTypeConfiguration<ClientTag>
{
    public void Configure(EntityTypeBuilder<ClientTag> b)
    {
        b.HasKey(t => new { t.ClientId, t.Tag });
        b.Property(t => t.Tag).HasMaxLength(ClientRules.TagMax);
        b.HasIndex(t => new { t.Tag, t.ClientId });
    }
}

internal sealed class ClientCoManagerConfiguration : IEntityTypeConfiguration<ClientCoManager>
{
    public void Configure(EntityTypeBuilder<ClientCoManager> b)
    {
        b.HasKey(m => new { m.ClientId, m.EmployeeId });
        b.HasOne<Identity.Employee>().WithMany().HasForeignKey(m => m.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => m.EmployeeId);
    }
}

internal sealed class AcquisitionChannelConfiguration : IEntityTypeConfiguration<AcquisitionChannel>
{
    public void Configure(EntityTypeBuilder<AcquisitionChannel> b)
    {
        b.Property(c => c.Code).HasMaxLength(40);
        b.Property(c => c.Name).HasMaxLength(100);
        b.HasIndex(c => c.Code).IsUnique();
    }
}

internal sealed class ClientSearchTermConfiguration : IEntityTypeConfiguration<ClientSearchTerm>
{
    public void Configure(EntityTypeBuilder<ClientSearchTerm> b)
    {
        // Keyed by client first: a client's terms are one run of the table (saved, replaced and deleted together), and
        // new clients, whose ids are the highest, extend it at its end — a million imported clients append 4.6M terms
        // instead of scattering them over the whole key. The search reads the (Term, ClientId) index alone. On SQLite the
        // table is WITHOUT ROWID (migration SearchTermsByClient): the key is the table, one B-tree fewer to write.
        b.HasKey(t => new { t.ClientId, t.Term });
        b.Property(t => t.Term).HasMaxLength(ClientSearch.TermMax);
        b.HasIndex(t => new { t.Term, t.ClientId });
    }
}
