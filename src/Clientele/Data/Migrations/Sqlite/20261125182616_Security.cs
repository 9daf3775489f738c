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
            migrationBuilder.AddColumn<long>(
                name: "TeamLeadId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

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

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_AspNetUsers_TeamLeadId",
                table: "AspNetUsers",
                column: "TeamLeadId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
            // The trail is append-only in the database itself (see AuditTriggers); keep this line when regenerating.
            migrationBuilder.Sql(Clientele.Features.Audit.AuditTriggers.SqliteCreate);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Clientele.Features.Audit.AuditTriggers.SqliteDrop);

            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_AspNetUsers_TeamLeadId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "AuditEntryClients");

            migrationBuilder.DropTable(
                name: "AuditSettings");

            migrationBuilder.DropTable(
                name: "ExportCanaries");

            migrationBuilder.DropTable(
                name: "ExportSettings");

            migrationBuilder.DropTable(
                name: "MassAccessAlerts");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "ExportRecords");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_TeamLeadId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "TeamLeadId",
                table: "AspNetUsers");
        }
    }
}
