using Microsoft.EntityFrameworkCore.Migrations;
using RtChat.Web.Data.Search;

#nullable disable

namespace RtChat.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// The full-text index of message bodies (raw SQL only, no model change: keep it a migration of its own). Its SQL is
    /// <see cref="MessageSearchIndex"/>'s, which also puts the triggers back at start if a later table rebuild dropped them.
    /// </summary>
    public partial class AddMessageSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MessageSearchIndex.CreateTable);
            migrationBuilder.Sql(MessageSearchIndex.CreateTriggers);
            migrationBuilder.Sql(MessageSearchIndex.Rebuild);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MessageSearchIndex.Drop);
        }
    }
}
