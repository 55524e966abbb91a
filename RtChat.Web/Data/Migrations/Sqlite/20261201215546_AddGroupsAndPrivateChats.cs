using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RtChat.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddGroupsAndPrivateChats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InviteCode",
                table: "Rooms",
                type: "TEXT",
                maxLength: 22,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PairKey",
                table: "Rooms",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Removals",
                columns: table => new
                {
                    RoomId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RemovedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Removals", x => new { x.RoomId, x.UserId });
                    table.ForeignKey(
                        name: "FK_Removals_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Removals_Rooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "Rooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.UpdateData(
                table: "Rooms",
                keyColumn: "Id",
                keyValue: 1,
                columns: new[] { "InviteCode", "PairKey" },
                values: new object[] { null, null });

            migrationBuilder.CreateIndex(
                name: "IX_Rooms_InviteCode",
                table: "Rooms",
                column: "InviteCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rooms_PairKey",
                table: "Rooms",
                column: "PairKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Removals_UserId",
                table: "Removals",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Removals");

            migrationBuilder.DropIndex(
                name: "IX_Rooms_InviteCode",
                table: "Rooms");

            migrationBuilder.DropIndex(
                name: "IX_Rooms_PairKey",
                table: "Rooms");

            migrationBuilder.DropColumn(
                name: "InviteCode",
                table: "Rooms");

            migrationBuilder.DropColumn(
                name: "PairKey",
                table: "Rooms");
        }
    }
}
