using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Security : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The column comes with its foreign key in one ALTER TABLE (SQLite allows a REFERENCES clause on a column
            // that defaults to NULL). A separate AddForeignKey would make EF rebuild AspNetUsers between
            // "PRAGMA foreign_keys = 0/1", which cannot run inside the migration's transaction (ADR 016).
            migrationBuilder.Sql("""
                ALTER TABLE "AspNetUsers" ADD COLUMN "TeamLeadId" INTEGER NULL
                    CONSTRAINT "FK_AspNetUsers_AspNetUsers_TeamLeadId" REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL;
                """);

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<long>(type: "INTEGER", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Entity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EntityId = table.Column<long>(type: "INTEGER", nullable: true),
                    Detail = table.Column<string>(type: "TEXT", nullable: true),
                    Ip = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RowCount = table.Column<int>(type: "INTEGER", nullable: true),
                    ClientCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PrevHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    RetentionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    MassAccessFactor = table.Column<double>(type: "REAL", nullable: false),
                    MassAccessMinClients = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsentTexts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentTexts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsentTexts_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "DataBreaches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DiscoveredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OccurredFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OccurredTo = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DataCategories = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PeopleAffected = table.Column<int>(type: "INTEGER", nullable: true),
                    ActionsTaken = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RoskomnadzorNotifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RoskomnadzorResultsAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SupervisoryAuthorityNotifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PeopleNotifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecordedById = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataBreaches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DataBreaches_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ErasureRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    ErasedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ErasedById = table.Column<long>(type: "INTEGER", nullable: true),
                    Trigger = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RequestReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IncludedCompanyData = table.Column<bool>(type: "INTEGER", nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErasureRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ErasureRecords_AspNetUsers_ErasedById",
                        column: x => x.ErasedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ExportRecords",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EmployeeId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Filter = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RowCount = table.Column<int>(type: "INTEGER", nullable: true),
                    ClientCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedById = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExportRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExportRecords_AspNetUsers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExportRecords_AspNetUsers_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExportSettings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Threshold = table.Column<int>(type: "INTEGER", nullable: false),
                    CanaryDomain = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExportSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MassAccessAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EmployeeId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClientCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Baseline = table.Column<double>(type: "REAL", nullable: false),
                    LiftedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LiftedById = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MassAccessAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PrivacySettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    RetentionMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrivacySettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SignInPolicy",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    IdleTimeoutMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    AbsoluteLifetimeHours = table.Column<int>(type: "INTEGER", nullable: false),
                    TwoFactorRequired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInPolicy", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TwoFactorSteps",
                columns: table => new
                {
                    EmployeeId = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAcceptedStep = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TwoFactorSteps", x => x.EmployeeId);
                    table.ForeignKey(
                        name: "FK_TwoFactorSteps_AspNetUsers_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UserSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EmployeeId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IdleExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AbsoluteExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Ip = table.Column<string>(type: "TEXT", maxLength: 45, nullable: true),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UserSessions_AspNetUsers_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntryClients",
                columns: table => new
                {
                    EntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<long>(type: "INTEGER", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntryClients", x => new { x.EntryId, x.ClientId });
                    table.ForeignKey(
                        name: "FK_AuditEntryClients_AuditEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "AuditEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PersonalDataConsents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContactPersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ConsentTextId = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedById = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawalSource = table.Column<int>(type: "INTEGER", nullable: true),
                    WithdrawnById = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalDataConsents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonalDataConsents_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PersonalDataConsents_AspNetUsers_WithdrawnById",
                        column: x => x.WithdrawnById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PersonalDataConsents_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PersonalDataConsents_ConsentTexts_ConsentTextId",
                        column: x => x.ConsentTextId,
                        principalTable: "ConsentTexts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PersonalDataConsents_ContactPersons_ContactPersonId",
                        column: x => x.ContactPersonId,
                        principalTable: "ContactPersons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExportCanaries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExportId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FakeClientId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExportCanaries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExportCanaries_ExportRecords_ExportId",
                        column: x => x.ExportId,
                        principalTable: "ExportRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_TeamLeadId",
                table: "AspNetUsers",
                column: "TeamLeadId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EmployeeId_At",
                table: "AuditEntries",
                columns: new[] { "EmployeeId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntryClients_ClientId_At",
                table: "AuditEntryClients",
                columns: new[] { "ClientId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntryClients_EmployeeId_At_Action_ClientId",
                table: "AuditEntryClients",
                columns: new[] { "EmployeeId", "At", "Action", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentTexts_Code_Version",
                table: "ConsentTexts",
                columns: new[] { "Code", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsentTexts_CreatedById",
                table: "ConsentTexts",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_DataBreaches_DiscoveredAt",
                table: "DataBreaches",
                column: "DiscoveredAt");

            migrationBuilder.CreateIndex(
                name: "IX_DataBreaches_RecordedById",
                table: "DataBreaches",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_ErasureRecords_ClientId",
                table: "ErasureRecords",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ErasureRecords_ErasedAt",
                table: "ErasureRecords",
                column: "ErasedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ErasureRecords_ErasedById",
                table: "ErasureRecords",
                column: "ErasedById");

            migrationBuilder.CreateIndex(
                name: "IX_ExportCanaries_Email",
                table: "ExportCanaries",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExportCanaries_ExportId",
                table: "ExportCanaries",
                column: "ExportId");

            migrationBuilder.CreateIndex(
                name: "IX_ExportCanaries_Phone",
                table: "ExportCanaries",
                column: "Phone",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExportRecords_DecidedById",
                table: "ExportRecords",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_ExportRecords_EmployeeId_At",
                table: "ExportRecords",
                columns: new[] { "EmployeeId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ExportRecords_Status_At",
                table: "ExportRecords",
                columns: new[] { "Status", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_MassAccessAlerts_EmployeeId_LiftedAt",
                table: "MassAccessAlerts",
                columns: new[] { "EmployeeId", "LiftedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataConsents_ClientId_Channel_Purpose_Id",
                table: "PersonalDataConsents",
                columns: new[] { "ClientId", "Channel", "Purpose", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataConsents_ConsentTextId",
                table: "PersonalDataConsents",
                column: "ConsentTextId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataConsents_ContactPersonId",
                table: "PersonalDataConsents",
                column: "ContactPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataConsents_RecordedById",
                table: "PersonalDataConsents",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataConsents_WithdrawnById",
                table: "PersonalDataConsents",
                column: "WithdrawnById");

            migrationBuilder.CreateIndex(
                name: "IX_UserSessions_EmployeeId_RevokedAt",
                table: "UserSessions",
                columns: new[] { "EmployeeId", "RevokedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_AspNetUsers_TeamLeadId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "AuditEntryClients");

            migrationBuilder.DropTable(
                name: "AuditSettings");

            migrationBuilder.DropTable(
                name: "DataBreaches");

            migrationBuilder.DropTable(
                name: "ErasureRecords");

            migrationBuilder.DropTable(
                name: "ExportCanaries");

            migrationBuilder.DropTable(
                name: "ExportSettings");

            migrationBuilder.DropTable(
                name: "MassAccessAlerts");

            migrationBuilder.DropTable(
                name: "PersonalDataConsents");

            migrationBuilder.DropTable(
                name: "PrivacySettings");

            migrationBuilder.DropTable(
                name: "SignInPolicy");

            migrationBuilder.DropTable(
                name: "TwoFactorSteps");

            migrationBuilder.DropTable(
                name: "UserSessions");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "ExportRecords");

            migrationBuilder.DropTable(
                name: "ConsentTexts");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_TeamLeadId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "TeamLeadId",
                table: "AspNetUsers");
        }
    }
}
