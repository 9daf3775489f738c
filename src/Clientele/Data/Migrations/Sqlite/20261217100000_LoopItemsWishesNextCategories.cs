using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LoopItemsWishesNextCategories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "WishId",
                table: "SurveyAnswers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CategoryPairCounts",
                columns: table => new
                {
                    CategoryA = table.Column<long>(type: "INTEGER", nullable: false),
                    CategoryB = table.Column<long>(type: "INTEGER", nullable: false),
                    Clients = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CategoryPairCounts", x => new { x.CategoryA, x.CategoryB });
                });

            migrationBuilder.CreateTable(
                name: "LoopCauses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoopCauses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProductWishes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductWishes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LoopItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    AnswerId = table.Column<long>(type: "INTEGER", nullable: false),
                    CauseId = table.Column<long>(type: "INTEGER", nullable: true),
                    CauseNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Fix = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OwnerId = table.Column<long>(type: "INTEGER", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FixedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedByAnswerId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoopItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LoopItems_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_LoopItems_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LoopItems_LoopCauses_CauseId",
                        column: x => x.CauseId,
                        principalTable: "LoopCauses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LoopItems_SurveyAnswers_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "SurveyAnswers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LoopItems_SurveyAnswers_ClosedByAnswerId",
                        column: x => x.ClosedByAnswerId,
                        principalTable: "SurveyAnswers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_WishId",
                table: "SurveyAnswers",
                column: "WishId");

            migrationBuilder.CreateIndex(
                name: "IX_LoopItems_AnswerId",
                table: "LoopItems",
                column: "AnswerId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LoopItems_CauseId",
                table: "LoopItems",
                column: "CauseId");

            migrationBuilder.CreateIndex(
                name: "IX_LoopItems_ClientId_ClosedAt",
                table: "LoopItems",
                columns: new[] { "ClientId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LoopItems_ClosedByAnswerId",
                table: "LoopItems",
                column: "ClosedByAnswerId");

            migrationBuilder.CreateIndex(
                name: "IX_LoopItems_CreatedAt",
                table: "LoopItems",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_LoopItems_OwnerId_ClosedAt_DueOn",
                table: "LoopItems",
                columns: new[] { "OwnerId", "ClosedAt", "DueOn" });

            migrationBuilder.AddForeignKey(
                name: "FK_SurveyAnswers_ProductWishes_WishId",
                table: "SurveyAnswers",
                column: "WishId",
                principalTable: "ProductWishes",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            // The default causes, stored as their kinds (Message.Encode: record separator, marker type, unit separator,
            // key) so that each reader sees them in their language; LoopCause.Defaults keeps the kinds in the code.
            var created = new DateTime(2026, 12, 17, 10, 0, 0, DateTimeKind.Utc);
            foreach (var cause in new[] { "Price", "Product quality", "Delivery", "Service", "Other" })
                migrationBuilder.InsertData(
                    table: "LoopCauses",
                    columns: new[] { "Name", "CreatedAt", "UpdatedAt", "Version" },
                    values: new object[] { "\u001EClientele.Features.Surveys.SurveyText\u001F" + cause, created, created, 1L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SurveyAnswers_ProductWishes_WishId",
                table: "SurveyAnswers");

            migrationBuilder.DropTable(
                name: "CategoryPairCounts");

            migrationBuilder.DropTable(
                name: "LoopItems");

            migrationBuilder.DropTable(
                name: "ProductWishes");

            migrationBuilder.DropTable(
                name: "LoopCauses");

            migrationBuilder.DropIndex(
                name: "IX_SurveyAnswers_WishId",
                table: "SurveyAnswers");

            migrationBuilder.DropColumn(
                name: "WishId",
                table: "SurveyAnswers");
        }
    }
}
