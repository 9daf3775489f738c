using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServedThrough : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "IntermediaryId",
                table: "Deals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ServedThroughId",
                table: "Clients",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Deals_IntermediaryId",
                table: "Deals",
                column: "IntermediaryId");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_ServedThroughId",
                table: "Clients",
                column: "ServedThroughId");

            migrationBuilder.AddForeignKey(
                name: "FK_Clients_Clients_ServedThroughId",
                table: "Clients",
                column: "ServedThroughId",
                principalTable: "Clients",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Deals_Clients_IntermediaryId",
                table: "Deals",
                column: "IntermediaryId",
                principalTable: "Clients",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Clients_Clients_ServedThroughId",
                table: "Clients");

            migrationBuilder.DropForeignKey(
                name: "FK_Deals_Clients_IntermediaryId",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_IntermediaryId",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Clients_ServedThroughId",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "IntermediaryId",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "ServedThroughId",
                table: "Clients");
        }
    }
}
