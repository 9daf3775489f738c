using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Privacy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataBreaches");

            migrationBuilder.DropTable(
                name: "ErasureRecords");

            migrationBuilder.DropTable(
                name: "PersonalDataConsents");

            migrationBuilder.DropTable(
                name: "PrivacySettings");

            migrationBuilder.DropTable(
                name: "ConsentTexts");
        }
    }
}
