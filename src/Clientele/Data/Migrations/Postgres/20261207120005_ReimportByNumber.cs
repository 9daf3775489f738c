using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReimportByNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Number",
                table: "ServiceCosts",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "ServiceCosts",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Purchases",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Number",
                table: "Interactions",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Interactions",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalCode",
                table: "Clients",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ImportUpdatedRecords",
                columns: table => new
                {
                    JobId = table.Column<long>(type: "bigint", nullable: false),
                    Entity = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    EntityId = table.Column<long>(type: "bigint", nullable: false),
                    VersionAfter = table.Column<long>(type: "bigint", nullable: false),
                    BeforeJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportUpdatedRecords", x => new { x.JobId, x.Entity, x.EntityId });
                    table.ForeignKey(
                        name: "FK_ImportUpdatedRecords_ImportJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "ImportJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceCosts_Number_Source",
                table: "ServiceCosts",
                columns: new[] { "Number", "Source" });

            migrationBuilder.CreateIndex(
                name: "IX_Purchases_Number_Source",
                table: "Purchases",
                columns: new[] { "Number", "Source" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_Number_Source",
                table: "Interactions",
                columns: new[] { "Number", "Source" });

            migrationBuilder.CreateIndex(
                name: "IX_Clients_ExternalCode",
                table: "Clients",
                column: "ExternalCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportUpdatedRecords");

            migrationBuilder.DropIndex(
                name: "IX_ServiceCosts_Number_Source",
                table: "ServiceCosts");

            migrationBuilder.DropIndex(
                name: "IX_Purchases_Number_Source",
                table: "Purchases");

            migrationBuilder.DropIndex(
                name: "IX_Interactions_Number_Source",
                table: "Interactions");

            migrationBuilder.DropIndex(
                name: "IX_Clients_ExternalCode",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "ServiceCosts");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "ServiceCosts");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Purchases");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Interactions");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Interactions");

            migrationBuilder.DropColumn(
                name: "ExternalCode",
                table: "Clients");
        }
    }
}
