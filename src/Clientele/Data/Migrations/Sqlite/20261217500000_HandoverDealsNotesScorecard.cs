using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HandoverDealsNotesScorecard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Notice",
                table: "OutboxMessages",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DealsMoved",
                table: "Handovers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<decimal>(
                name: "Clv",
                table: "HandoverClients",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldScale: 2);

            migrationBuilder.AddColumn<long>(
                name: "IntroMailId",
                table: "HandoverClients",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HandoverNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AuthorId = table.Column<long>(type: "INTEGER", nullable: true),
                    WrittenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandoverNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HandoverNotes_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_HandoverNotes_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HandoverClients_IntroMailId",
                table: "HandoverClients",
                column: "IntroMailId");

            migrationBuilder.CreateIndex(
                name: "IX_HandoverNotes_AuthorId",
                table: "HandoverNotes",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_HandoverNotes_ClientId",
                table: "HandoverNotes",
                column: "ClientId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_HandoverClients_OutboxMessages_IntroMailId",
                table: "HandoverClients",
                column: "IntroMailId",
                principalTable: "OutboxMessages",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_HandoverClients_OutboxMessages_IntroMailId",
                table: "HandoverClients");

            migrationBuilder.DropTable(
                name: "HandoverNotes");

            migrationBuilder.DropIndex(
                name: "IX_HandoverClients_IntroMailId",
                table: "HandoverClients");

            migrationBuilder.DropColumn(
                name: "Notice",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "DealsMoved",
                table: "Handovers");

            migrationBuilder.DropColumn(
                name: "IntroMailId",
                table: "HandoverClients");

            migrationBuilder.AlterColumn<decimal>(
                name: "Clv",
                table: "HandoverClients",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldScale: 2,
                oldNullable: true);
        }
    }
}
