using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportExport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClientMerges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KeptId = table.Column<long>(type: "INTEGER", nullable: false),
                    MergedId = table.Column<long>(type: "INTEGER", nullable: false),
                    KeptName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MergedName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MergedClient = table.Column<string>(type: "TEXT", nullable: false),
                    KeptChanges = table.Column<string>(type: "TEXT", nullable: false),
                    KeptVersionAfter = table.Column<long>(type: "INTEGER", nullable: false),
                    MovedRows = table.Column<string>(type: "TEXT", nullable: false),
                    DeletedRows = table.Column<string>(type: "TEXT", nullable: false),
                    MergedById = table.Column<long>(type: "INTEGER", nullable: true),
                    MergedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UndoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UndoneById = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientMerges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DuplicateCandidates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    OtherClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportJobId = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedById = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DuplicateCandidates_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportAddedContacts",
                columns: table => new
                {
                    JobId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContactId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportAddedContacts", x => new { x.JobId, x.ContactId });
                });

            migrationBuilder.CreateTable(
                name: "ImportBeforeImages",
                columns: table => new
                {
                    JobId = table.Column<long>(type: "INTEGER", nullable: false),
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportBeforeImages", x => new { x.JobId, x.ClientId });
                });

            migrationBuilder.CreateTable(
                name: "ImportCreatedRanges",
                columns: table => new
                {
                    JobId = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    LastClientId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportCreatedRanges", x => x.JobId);
                });

            migrationBuilder.CreateTable(
                name: "ImportJobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    FilePath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FileHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileSize = table.Column<long>(type: "INTEGER", nullable: false),
                    FileDescription = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    OptionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    RowsTotal = table.Column<long>(type: "INTEGER", nullable: true),
                    Checkpoint = table.Column<long>(type: "INTEGER", nullable: false),
                    RowsCreated = table.Column<long>(type: "INTEGER", nullable: false),
                    RowsUpdated = table.Column<long>(type: "INTEGER", nullable: false),
                    RowsMerged = table.Column<long>(type: "INTEGER", nullable: false),
                    RowsSkipped = table.Column<long>(type: "INTEGER", nullable: false),
                    RowsRejected = table.Column<long>(type: "INTEGER", nullable: false),
                    RowsForReview = table.Column<long>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportPresets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    MapJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CreatedById = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportPresets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportPresets_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ImportStagedClients",
                columns: table => new
                {
                    JobId = table.Column<long>(type: "INTEGER", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    Line = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: true),
                    Field = table.Column<string>(type: "TEXT", nullable: true),
                    ExistingClientId = table.Column<long>(type: "INTEGER", nullable: true),
                    NewOrdinal = table.Column<long>(type: "INTEGER", nullable: true),
                    SimilarClientId = table.Column<long>(type: "INTEGER", nullable: true),
                    MergedIntoSeq = table.Column<long>(type: "INTEGER", nullable: true),
                    Score = table.Column<double>(type: "REAL", nullable: true),
                    PhoneHash = table.Column<long>(type: "INTEGER", nullable: true),
                    EmailHash = table.Column<long>(type: "INTEGER", nullable: true),
                    TaxIdHash = table.Column<long>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    NameKey = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: true),
                    Role = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: true),
                    LegalName = table.Column<string>(type: "TEXT", nullable: true),
                    TaxId = table.Column<string>(type: "TEXT", nullable: true),
                    Phone = table.Column<string>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", nullable: true),
                    Website = table.Column<string>(type: "TEXT", nullable: true),
                    City = table.Column<string>(type: "TEXT", nullable: true),
                    Region = table.Column<string>(type: "TEXT", nullable: true),
                    Country = table.Column<string>(type: "TEXT", nullable: true),
                    Industry = table.Column<string>(type: "TEXT", nullable: true),
                    ManagerId = table.Column<long>(type: "INTEGER", nullable: true),
                    ChannelId = table.Column<long>(type: "INTEGER", nullable: true),
                    AcquiredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", nullable: true),
                    Tags = table.Column<string>(type: "TEXT", nullable: true),
                    Terms = table.Column<string>(type: "TEXT", nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", nullable: true),
                    ContactPosition = table.Column<string>(type: "TEXT", nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportStagedClients", x => new { x.JobId, x.Seq });
                });

            migrationBuilder.CreateTable(
                name: "ImportCreatedRecords",
                columns: table => new
                {
                    JobId = table.Column<long>(type: "INTEGER", nullable: false),
                    Entity = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    EntityId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportCreatedRecords", x => new { x.JobId, x.Entity, x.EntityId });
                    table.ForeignKey(
                        name: "FK_ImportCreatedRecords_ImportJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "ImportJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClientMerges_KeptId_Id",
                table: "ClientMerges",
                columns: new[] { "KeptId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ClientMerges_MergedAt",
                table: "ClientMerges",
                column: "MergedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ClientMerges_MergedId_Id",
                table: "ClientMerges",
                columns: new[] { "MergedId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateCandidates_ClientId_OtherClientId",
                table: "DuplicateCandidates",
                columns: new[] { "ClientId", "OtherClientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateCandidates_ImportJobId",
                table: "DuplicateCandidates",
                column: "ImportJobId");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateCandidates_Status_Score",
                table: "DuplicateCandidates",
                columns: new[] { "Status", "Score" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_CreatedAt",
                table: "ImportJobs",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_FileHash_Status",
                table: "ImportJobs",
                columns: new[] { "FileHash", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportPresets_CreatedById",
                table: "ImportPresets",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_ImportPresets_Kind_Name",
                table: "ImportPresets",
                columns: new[] { "Kind", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportStagedClients_JobId_Action",
                table: "ImportStagedClients",
                columns: new[] { "JobId", "Action" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientMerges");

            migrationBuilder.DropTable(
                name: "DuplicateCandidates");

            migrationBuilder.DropTable(
                name: "ImportAddedContacts");

            migrationBuilder.DropTable(
                name: "ImportBeforeImages");

            migrationBuilder.DropTable(
                name: "ImportCreatedRanges");

            migrationBuilder.DropTable(
                name: "ImportCreatedRecords");

            migrationBuilder.DropTable(
                name: "ImportPresets");

            migrationBuilder.DropTable(
                name: "ImportStagedClients");

            migrationBuilder.DropTable(
                name: "ImportJobs");
        }
    }
}
