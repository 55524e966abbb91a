using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RtChat.Web.Data.Migrations.SqlServer
{
    /// <summary>
    /// Nothing on SQL Server: its search is LIKE over the bodies (<c>Data/Search/LikeMessageSearch</c>), which needs no
    /// full-text catalog. The migration exists so both providers' sets keep the same names.
    /// </summary>
    public partial class AddMessageSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
