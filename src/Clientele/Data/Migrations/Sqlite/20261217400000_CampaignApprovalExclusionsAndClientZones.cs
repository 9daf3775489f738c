using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Data.Migrations.Sqlite
{
    /// <summary>Issue 22: the owner's approval of large campaigns, the lost-deal days and approval size of the contact policy, a client's own time zone (ADR 039).</summary>
    public partial class CampaignApprovalExclusionsAndClientZones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ApprovalAbove",
                table: "ContactPolicies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "LostDealDays",
                table: "ContactPolicies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 30);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Clients",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ApprovalRequestedAt",
                table: "Campaigns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ApprovalRequestedById",
                table: "Campaigns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ApprovalSize",
                table: "Campaigns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ApprovedAt",
                table: "Campaigns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ApprovedById",
                table: "Campaigns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_ApprovalRequestedById",
                table: "Campaigns",
                column: "ApprovalRequestedById");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_ApprovedById",
                table: "Campaigns",
                column: "ApprovedById");

            migrationBuilder.AddForeignKey(
                name: "FK_Campaigns_AspNetUsers_ApprovalRequestedById",
                table: "Campaigns",
                column: "ApprovalRequestedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Campaigns_AspNetUsers_ApprovedById",
                table: "Campaigns",
                column: "ApprovedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Campaigns_AspNetUsers_ApprovalRequestedById",
                table: "Campaigns");

            migrationBuilder.DropForeignKey(
                name: "FK_Campaigns_AspNetUsers_ApprovedById",
                table: "Campaigns");

            migrationBuilder.DropIndex(
                name: "IX_Campaigns_ApprovalRequestedById",
                table: "Campaigns");

            migrationBuilder.DropIndex(
                name: "IX_Campaigns_ApprovedById",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "ApprovalAbove",
                table: "ContactPolicies");

            migrationBuilder.DropColumn(
                name: "LostDealDays",
                table: "ContactPolicies");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "ApprovalRequestedAt",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "ApprovalRequestedById",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "ApprovalSize",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "ApprovedAt",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "ApprovedById",
                table: "Campaigns");
        }
    }
}
